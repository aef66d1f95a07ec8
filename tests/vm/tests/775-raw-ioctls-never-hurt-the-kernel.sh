# Raw ioctls on /dev/kckpt (tests/vm/progs/ioctl_fuzz.c): every command
# with every size encoding, random contents, bad pointers, unknown command
# numbers, every kind of descriptor where one is expected, restore sessions
# in random orders across fork, threads and SCM_RIGHTS, a few real
# checkpoints and requests of a pausing child. Whatever is malformed is
# refused, nothing hangs, no process dies of a signal the module did not
# send; as root and as an unprivileged user. Afterwards the module unloads
# (no leaked reference or session); the harness checks the kernel log.
# KCKPT_FUZZ_ITERATIONS per run (make fuzz: many more), KCKPT_FUZZ_SEED
# to replay a failure (the seed is printed).
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
ITER=${KCKPT_FUZZ_ITERATIONS:-6000}
SEED=${KCKPT_FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
FUZZ="$KCKPT_PROGS/ioctl_fuzz"
# Yama's scope 1 while the fuzzers run (proofs of non-descendants fail), the
# scope the later tests expect afterwards
YAMA=/proc/sys/kernel/yama/ptrace_scope
YAMA_WAS=$(cat "$YAMA" 2>/dev/null)
[ -w "$YAMA" ] && echo 1 >"$YAMA"
trap '[ -n "$YAMA_WAS" ] && echo "$YAMA_WAS" >"$YAMA"' EXIT

# run_fuzz WHO SEED DIR [as_user UID]: the fuzzer must print PASS and exit 0.
run_fuzz() {
	local who=$1 seed=$2 dir=$3 rc start
	shift 3
	start=$(date +%s)
	"$@" "$FUZZ" "$seed" "$ITER" "$dir" >"$WORK/$who.out" 2>&1 </dev/null
	rc=$?
	cat "$WORK/$who.out"
	echo "$who: exit $rc after $(( $(date +%s) - start )) s"
	[ $rc -eq 0 ] && grep -q '^PASS' "$WORK/$who.out" ||
		fail "the fuzzer as $who failed (seed $seed, $ITER iterations: KCKPT_FUZZ_SEED=$seed replays it)"
	[ -z "$(ls -A "$dir")" ] || fail "the fuzzer as $who left files: $(ls -A "$dir")"
}

mkdir -p "$WORK/root" "$WORK/user" && chown 65534:65534 "$WORK/user" ||
	fail "cannot make the work directories"
run_fuzz root "$SEED" "$WORK/root"
run_fuzz user "$((SEED + 1))" "$WORK/user" as_user 65534

# every descriptor, session and reference is gone with the processes
wait_until 30 "a process still holds /dev/kckpt" sh -c '! ls -l /proc/[0-9]*/fd 2>/dev/null | grep -q /dev/kckpt'
refs=$(awk '$1 == "kckpt" {print $3}' /proc/modules)
[ "$refs" = 0 ] || fail "kckpt still has $refs references after the fuzzers exited"
rmmod kckpt || fail "rmmod kckpt failed after the fuzzers exited"
pass "$((2 * ITER)) fuzz iterations (seeds $SEED, $((SEED + 1))) as root and as uid 65534: all refused or contained, the module unloads"
