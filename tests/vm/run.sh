#!/usr/bin/env bash
# KCkpt VM harness: boots real Debian kernels under qemu and runs the
# integration tests (or the demo) inside them.
#
#   tests/vm/run.sh test [-k SERIES]...   every test on every kernel (default 6.1 6.12;
#                                         KCKPT_VM_TESTS=GLOB: only those tests)
#   tests/vm/run.sh demo [-k SERIES]      the demo on one kernel (default 6.1)
#   tests/vm/run.sh modules [-k SERIES]   fetch kernels and build kckpt.ko only
#   tests/vm/run.sh script FILE [-k SERIES]  run one guest script, console shown
#
# Expects `make all` to have run (build/bin/checkpt, build/tests/...).
# Kernel debs are cached in $KCKPT_CACHE (default /var/cache/kckpt).
# Prints "N passed, N failed" last and writes it to build/vm/summary.
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

KCKPT_VM_TIMEOUT=${KCKPT_VM_TIMEOUT:-1800}

die() { echo "vm: $*" >&2; exit 2; }

need_tools() {
	local t missing=
	for t in qemu-system-x86_64 busybox cpio depmod modprobe apt-get dpkg-deb xz zstd gcc mkfs.ext4; do
		command -v "$t" >/dev/null || missing="$missing $t"
	done
	[ -z "$missing" ] || die "missing tools:$missing (run 'make deps')"
}

# build_module RELEASE: build/RELEASE/kckpt.ko and kckpt_tty.ko, warnings
# are errors here.
build_module() {
	local rel=$1 log="$KCKPT_ROOT/build/$1/kmod-build.log"
	mkdir -p "$KCKPT_ROOT/build/$rel"
	if ! make -s -C "$KCKPT_ROOT" module KDIR="$(kernel_kdir "$rel")" \
		KCFLAGS=-Werror >"$log" 2>&1 || grep -q 'warning:' "$log"; then
		cat "$log" >&2
		die "kckpt.ko or kckpt_tty.ko does not build cleanly for $rel"
	fi
}

write_job() {
	local rel=$1 out=$2 script=$3
	cat >"$out/job.sh" <<JOB
export KCKPT_ROOT='$KCKPT_ROOT' KCKPT_RELEASE='$rel' KCKPT_OUT=/kckpt-out
export KCKPT_VM_TESTS='${KCKPT_VM_TESTS:-*}'
export KCKPT_KERNEL_ROOT='$(kernel_root "$rel")'
cd '$KCKPT_ROOT' || exit 1
bash '$script'
dmesg >/kckpt-out/dmesg.txt
touch /kckpt-out/finished
JOB
}

# run_kernel SERIES MODE [SCRIPT]: prepare, boot, judge. Adds to PASSED/FAILED.
run_kernel() {
	local series=$1 mode=$2 rel out show=no script=$KCKPT_VM_DIR/guest/run-tests.sh
	rel=$(kernel_release "$series") || die "cannot resolve kernel $series"
	fetch_kernel "$rel" || die "cannot fetch kernel $rel"
	build_module "$rel"
	[ "$mode" = modules ] && { echo "built build/$rel/kckpt.ko and kckpt_tty.ko"; return; }

	out="$KCKPT_ROOT/build/vm/$rel"
	# scripts get their own directory, so they can run beside a test run
	[ "$mode" = script ] && out="$out.$(basename "$3" .sh)"
	rm -rf "$out" && mkdir -p "$out" || die "cannot create $out"
	build_initramfs "$rel" "$out/initramfs.cpio.gz" || die "initramfs for $rel failed"
	make_disk "$out/disk.img" || die "cannot make the guest's disk"
	[ "$mode" = demo ] && { show=yes; script=$KCKPT_VM_DIR/guest/demo.sh; }
	[ "$mode" = script ] && { show=yes; script=$3; }
	write_job "$rel" "$out" "$script"

	echo "== kernel $rel: booting ($mode)"
	boot_vm "$rel" "$out/initramfs.cpio.gz" "$out" "$KCKPT_VM_TIMEOUT" \
		"$out/console.log" "$show"
	rm -f "$out/disk.img"
	judge_kernel "$rel" "$out" "$KCKPT_VM_TIMEOUT"
}

main() {
	local mode=${1:-} script=; shift || true
	local kernels=
	case "$mode" in
	test|modules) kernels=$KCKPT_KERNELS ;;
	demo) kernels=${KCKPT_KERNELS%% *} ;;
	script) script=$(readlink -f "${1:-}") && [ -f "$script" ] ||
			die "usage: run.sh script FILE [-k SERIES]..."
		shift; kernels=${KCKPT_KERNELS%% *} ;;
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
	[ "$mode" = modules ] || [ -x "$KCKPT_ROOT/build/bin/checkpt" ] ||
		die "build/bin/checkpt is missing: run 'make' first"

	PASSED=0 FAILED=0
	local s
	for s in $kernels; do
		run_kernel "$s" "$mode" "$script"
	done
	[ "$mode" = modules ] && return 0
	mkdir -p "$KCKPT_ROOT/build/vm"
	echo "$PASSED $FAILED" >"$KCKPT_ROOT/build/vm/summary"
	echo "vm: $PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
}

main "$@"
