#!/usr/bin/env bash
# KCkpt VM harness: boots real Debian kernels under qemu and runs the
# integration tests (or the demo) inside them.
#
#   tests/vm/run.sh test [-k KERNEL]...   every test on every kernel (default
#                                         bullseye bookworm trixie sid, i.e.
#                                         5.10 6.1 6.12 and sid's newest;
#                                         KCKPT_VM_TESTS=GLOB: only those tests)
#   tests/vm/run.sh demo [-k KERNEL]      the demo on one kernel (default sid)
#   tests/vm/run.sh modules [-k KERNEL]   fetch kernels and build kckpt.ko only
#   tests/vm/run.sh test -k debug         on the debug kernel (KASAN, lockdep,
#                                         UBSAN, kmemleak; lib/debug-kernel.sh)
#   tests/vm/run.sh script FILE [-k KERNEL]  run one guest script, console shown
#
# A KERNEL is a Debian suite or the series it carries (lib/kernels.sh).
# KCKPT_OPTIONAL_KERNELS (e.g. experimental) are run and reported after the
# others but never count towards the verdict.
#
# Expects `make all` to have run (build/bin/checkpt, build/tests/...).
# Kernel debs are cached in $KCKPT_CACHE (default /var/cache/kckpt).
# Prints "N passed, N failed, N skipped" last and writes the three numbers
# to build/vm/summary. A skipped test (it could not run here) is never a pass.
set -u
KCKPT_VM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KCKPT_ROOT=$(cd "$KCKPT_VM_DIR/../.." && pwd)
# shellcheck source=lib/kernels.sh
. "$KCKPT_VM_DIR/lib/kernels.sh"
# shellcheck source=lib/initramfs.sh
. "$KCKPT_VM_DIR/lib/initramfs.sh"
# shellcheck source=lib/qemu.sh
. "$KCKPT_VM_DIR/lib/qemu.sh"
# shellcheck source=lib/verdict.sh
. "$KCKPT_VM_DIR/lib/verdict.sh"
# shellcheck source=lib/dkms.sh
. "$KCKPT_VM_DIR/lib/dkms.sh"

KCKPT_VM_TIMEOUT=${KCKPT_VM_TIMEOUT:-2400}	# a whole kernel's run; each test has 600 s

die() { echo "vm: $*" >&2; exit 2; }

need_tools() {
	local t missing=
	for t in qemu-system-x86_64 busybox cpio depmod modprobe apt-get dpkg-deb xz zstd gcc mkfs.ext4 unshare; do
		command -v "$t" >/dev/null || missing="$missing $t"
	done
	[ -z "$missing" ] || die "missing tools:$missing (run 'make deps')"
}

# build_module RELEASE: build/RELEASE/kckpt.ko and kckpt_tty.ko, warnings
# are errors here.
# Built by the compiler of the kernel's own suite (lib/kernels.sh).
build_module() {
	local name=$1 rel=$2 log="$KCKPT_ROOT/build/$2/kmod-build.log"
	mkdir -p "$KCKPT_ROOT/build/$rel"
	if ! build_module_in_root "$name" "$rel" "$log" || grep -q 'warning:' "$log"; then
		cat "$log" >&2
		echo "vm: kckpt.ko or kckpt_tty.ko does not build cleanly for $rel" >&2
		return 1
	fi
}

# Every test has a number of its own (they run in name order).
unique_test_numbers() {
	local dup
	dup=$(ls "$KCKPT_VM_DIR/tests" | sed -n 's/^\([0-9]*\)-.*/\1/p' | sort | uniq -d | tr '\n' ' ')
	[ -z "$dup" ] || die "tests share a number: $dup(tests/vm/tests)"
}

write_job() {
	local rel=$1 out=$2 script=$3
	cat >"$out/job.sh" <<JOB
export KCKPT_ROOT='$KCKPT_ROOT' KCKPT_RELEASE='$rel' KCKPT_OUT=/kckpt-out
export KCKPT_VM_TESTS='${KCKPT_VM_TESTS:-*}' KCKPT_TEST_TIMEOUT='${KCKPT_TEST_TIMEOUT:-600}'
export KCKPT_FUZZ_ITERATIONS='${KCKPT_FUZZ_ITERATIONS:-}' KCKPT_FUZZ_SEED='${KCKPT_FUZZ_SEED:-}'
export KCKPT_KERNEL_ROOT='$(kernel_root "$rel")'
# The checkout itself is shared (a second 9p export) and mounted at its own
# path with a tmpfs overlay: a checkout under /tmp, which the guest's own
# /tmp hides, works as well as any other.
share_checkout() {
	mkdir -p /run/ckout/lower /run/ckout/upper /run/ckout/work '$KCKPT_ROOT' &&
	mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,ro,cache=loose checkout /run/ckout/lower &&
	mount -t tmpfs tmpfs /run/ckout/upper && mkdir -p /run/ckout/upper/u /run/ckout/upper/w &&
	mount -t overlay overlay -o lowerdir=/run/ckout/lower,upperdir=/run/ckout/upper/u,workdir=/run/ckout/upper/w '$KCKPT_ROOT'
}
share_checkout || { echo "KCKPT-VM: cannot mount the checkout $KCKPT_ROOT" >/kckpt-out/early-exit; exit 1; }
cd '$KCKPT_ROOT' || { echo "KCKPT-VM: cannot cd to $KCKPT_ROOT" >/kckpt-out/early-exit; exit 1; }
bash '$script'
echo \$? >/kckpt-out/job-status
dmesg >/kckpt-out/dmesg.txt
touch /kckpt-out/finished
JOB
}

# keep_cross_images OUTDIR: the image a test left of its kernel
# (OUTDIR/cross/RELEASE.ckpt) kept in build/vm/cross/, where the other
# kernels' runs find it (test 765: refused on another kernel).
keep_cross_images() {
	local f
	for f in "$1"/cross/*.ckpt; do
		[ -f "$f" ] || continue
		mkdir -p "$KCKPT_ROOT/build/vm/cross" &&
			cp "$f" "$KCKPT_ROOT/build/vm/cross/.new.$$" &&
			mv "$KCKPT_ROOT/build/vm/cross/.new.$$" "$KCKPT_ROOT/build/vm/cross/$(basename "$f")"
	done
}

# run_kernel KERNEL MODE [SCRIPT]: prepare, boot, judge. Adds to PASSED/FAILED/SKIPPED;
# a kernel that cannot be fetched or built counts as one failure.
run_kernel() {
	local name=$1 mode=$2 rel out show=no script=$KCKPT_VM_DIR/guest/run-tests.sh
	local limit=$KCKPT_VM_TIMEOUT
	[ "$name" = debug ] && limit=$KCKPT_DEBUG_VM_TIMEOUT	# KASAN, lockdep under TCG
	rel=$(kernel_release "$name") &&
	fetch_kernel "$name" "$rel" || {
		echo "== kernel $name: cannot be resolved or fetched"
		count_result FAIL; echo "  FAIL kernel-$name-available"; return; }
	build_module "$name" "$rel" || {
		echo "== kernel $rel ($name): the module does not build"
		count_result FAIL; echo "  FAIL module-builds-for-$rel"; return; }
	[ "$mode" = modules ] && { echo "built build/$rel/kckpt.ko and kckpt_tty.ko"; return; }
	[ "$mode" = test ] && check_dkms "$name" "$rel"

	out="$KCKPT_ROOT/build/vm/$rel"
	# scripts get their own directory, so they can run beside a test run
	[ "$mode" = script ] && out="$out.$(basename "$3" .sh)"
	rm -rf "$out" && mkdir -p "$out" || die "cannot create $out"
	build_initramfs "$rel" "$out/initramfs.cpio.gz" || die "initramfs for $rel failed"
	make_disk "$out/disk.img" || die "cannot make the guest's disk"
	[ "$mode" = demo ] && { show=yes; script=$KCKPT_VM_DIR/guest/demo.sh; }
	[ "$mode" = script ] && { show=yes; script=$3; }
	write_job "$rel" "$out" "$script"

	echo "== kernel $rel ($name): booting ($mode)"
	boot_vm "$rel" "$out/initramfs.cpio.gz" "$out" "$limit" \
		"$out/console.log" "$show"
	rm -f "$out/disk.img"
	keep_cross_images "$out"
	judge_kernel "$rel" "$out" "$limit"
}

# run_kernels MODE SCRIPT LABEL KERNEL...: each kernel's run, its counts and
# time added to REPORT.
run_kernels() {
	local mode=$1 script=$2 label=$3 k p0 f0 s0 t0 log
	shift 3
	mkdir -p "$KCKPT_ROOT/build/vm" || die "cannot create build/vm"
	for k in "$@"; do
		p0=$PASSED f0=$FAILED s0=$SKIPPED t0=$SECONDS
		log="$KCKPT_ROOT/build/vm/run-$k.log"
		run_kernel "$k" "$mode" "$script" > >(tee "$log") 2>&1
		wait $!	# tee has written the whole log
		FAILURES="$FAILURES
$(grep -E '^  FAIL|^    \| ' "$log" | head -n 40 | sed "s/^/[$k] /")"
		REPORT="$REPORT$(printf '\nvm: %s %s: %d passed, %d failed, %d skipped (%ds)' \
			"$label" "$k" $((PASSED - p0)) $((FAILED - f0)) \
			$((SKIPPED - s0)) $((SECONDS - t0)))"
	done
}

main() {
	local mode=${1:-} script=; shift || true
	local kernels=
	case "$mode" in
	test|modules) kernels=$KCKPT_KERNELS ;;
	demo) kernels=${KCKPT_KERNELS##* } ;;
	script) script=$(readlink -f "${1:-}") && [ -f "$script" ] ||
			die "usage: run.sh script FILE [-k SERIES]..."
		shift; kernels=${KCKPT_KERNELS##* } ;;
	*) die "usage: run.sh test|demo|modules|script FILE [-k SERIES]..." ;;
	esac
	local chosen=
	while [ $# -gt 0 ]; do
		case "$1" in
		-k) chosen="$chosen $2"; shift 2 ;;
		*) die "unknown argument $1" ;;
		esac
	done
	[ -n "$chosen" ] && kernels=$chosen
	need_tools
	unique_test_numbers
	[ "$mode" = modules ] || [ -x "$KCKPT_ROOT/build/bin/checkpt" ] ||
		die "build/bin/checkpt is missing: run 'make' first"

	PASSED=0 FAILED=0 SKIPPED=0 REPORT= FAILURES=
	run_kernels "$mode" "$script" "kernel" $kernels
	local total_p=$PASSED total_f=$FAILED total_s=$SKIPPED
	[ "$mode" = test ] && [ -z "$chosen" ] &&
		run_kernels "$mode" "$script" "optional kernel (not counted)" \
			$KCKPT_OPTIONAL_KERNELS
	[ "$mode" = modules ] && { [ "$FAILED" -eq 0 ]; return; }
	mkdir -p "$KCKPT_ROOT/build/vm"
	echo "$total_p $total_f $total_s" >"$KCKPT_ROOT/build/vm/summary"
	# the failures again, last, where a truncated log still shows them
	FAILURES=$(echo "$FAILURES" | sed '/^$/d')
	[ -n "$FAILURES" ] && { echo "vm: what failed:"; echo "$FAILURES" | head -n 80; }
	echo "$REPORT" | sed '/^$/d'
	echo "vm: $total_p passed, $total_f failed, $total_s skipped"
	[ "$total_f" -eq 0 ]
}

main "$@"
