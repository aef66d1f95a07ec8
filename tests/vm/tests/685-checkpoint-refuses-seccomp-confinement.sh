# A process under seccomp (a filter, here with no_new_privs, denying
# openat; or strict mode) cannot be given its confinement back on
# restore: a module cannot read a filter program. The checkpoint is
# refused with a reason naming seccomp, no file is left behind, and the
# target runs on under its confinement.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
for mode in seccomp strict; do
	start_prog confined "$mode"
	out=$("$CHECKPT" -c "$PROG_PID" -o "$WORK/$mode.img" 2>&1)
	rc=$?
	echo "$mode: exit $rc: $out"
	[ $rc -ne 0 ] || fail "$mode: a process under seccomp was checkpointed"
	echo "$out" | grep -q seccomp || fail "$mode: the reason does not name seccomp"
	[ -z "$(ls -A "$WORK" | grep -E '\.img|\.tmp')" ] || fail "$mode: a file was left behind: $(ls -A "$WORK")"
	finish_prog
done
pass "seccomp (filter, strict) refused with a reason; the target ran on confined"
