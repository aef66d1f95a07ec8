#!/usr/bin/env bash
# `make bench`: builds the benchmark's C programs on the host, then boots one
# VM and runs tests/vm/bench/bench.sh in it (checkpoint timings of kckpt's
# ioctl, the checkpt CLI, criu dump and dd; restore timings of kckpt-restore,
# checkpt -r, criu restore and dd reading the image; see bench.sh). The report is
# printed and left in the harness's output directory of that run,
# build/vm/<release>.bench/bench.txt (its path is printed last).
#
#   tests/vm/bench/run-bench.sh [-k KERNEL]      (default bookworm, 6.1)
#
# Environment: KCKPT_BENCH_SIZES ("64 256 1024" MiB), KCKPT_BENCH_REPS (3),
# KCKPT_BENCH_EXTRAS (yes: ftrace breakdown + reserved-memory run),
# KCKPT_BENCH_TRACE_MIB (64: the size the ftrace breakdown checkpoints),
# KCKPT_BENCH_DIR (/disk, the guest's ext4 disk; /tmp: tmpfs),
# KCKPT_VM_MEM (6144 MiB: the 1024 MiB target, its image and criu's fit).
# Prints, never asserts: fails only when the VM run itself breaks (guest did
# not finish, or the guest kernel log shows a splat).
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
BIN=$ROOT/build/bench
series=bookworm
while [ $# -gt 0 ]; do
	case "$1" in
	-k) series=$2; shift 2 ;;
	*) echo "usage: run-bench.sh [-k KERNEL]" >&2; exit 2 ;;
	esac
done

mkdir -p "$BIN" || exit 2
for p in bench_target bench_ckpt bench_restore; do
	${CC:-gcc} -O2 -g -Wall -Wextra -Werror -I"$ROOT/include" \
		-o "$BIN/$p" "$ROOT/tests/vm/bench/$p.c" || exit 2
done
# The guest starts with an empty environment: hand the settings over in a
# file it can read through the shared host root.
{
	printf 'KCKPT_BENCH_SIZES=%q\n' "${KCKPT_BENCH_SIZES:-64 256 1024}"
	printf 'KCKPT_BENCH_REPS=%q\n' "${KCKPT_BENCH_REPS:-3}"
	printf 'KCKPT_BENCH_EXTRAS=%q\n' "${KCKPT_BENCH_EXTRAS:-yes}"
	printf 'KCKPT_BENCH_TRACE_MIB=%q\n' "${KCKPT_BENCH_TRACE_MIB:-64}"
	printf 'KCKPT_BENCH_DIR=%q\n' "${KCKPT_BENCH_DIR:-/disk}"
} >"$BIN/config.sh"

export KCKPT_VM_MEM=${KCKPT_VM_MEM:-6144}
# TCG runs the vCPUs as host threads: anything else busy on the host shows
# up as noise in the timings.
echo "bench: host $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
"$ROOT/tests/vm/run.sh" script "$ROOT/tests/vm/bench/bench.sh" -k "$series"
rc=$?
rm -f "$BIN/config.sh"
echo "bench: host load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
for f in "$ROOT"/build/vm/*/bench.txt; do
	[ -f "$f" ] && [ "$f" -nt "$BIN/bench_ckpt" ] && echo "bench: report in ${f#"$ROOT"/}"
done
exit $rc
