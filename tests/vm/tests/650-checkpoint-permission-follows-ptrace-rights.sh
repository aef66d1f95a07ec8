# A user may checkpoint exactly the processes they could ptrace-attach:
# their own (Yama scope 0), not root's, not a non-descendant under Yama
# scope 1, not their own non-dumpable process.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
as_nobody() { HOME=$WORK setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
yama=/proc/sys/kernel/yama/ptrace_scope
chmod 1777 "$WORK"

start_prog sleeper
out=$(as_nobody "$CHECKPT" -c "$PROG_PID" -o "$WORK/root.img" 2>&1); rc=$?
echo "root's process: exit $rc: $out"
[ $rc -eq 4 ] || fail "checkpointing root's process as nobody exited $rc, expected 4"
[ ! -e "$WORK/root.img" ] || fail "an image of root's process was written"
finish_prog

[ -w $yama ] && echo 0 >$yama
as_nobody "$KCKPT_PROGS/sleeper" >"$WORK/own.out" 2>&1 &
PROG_JOB=$! PROG_OUT=$WORK/own.out
wait_ready
as_nobody "$CHECKPT" -c "$PROG_PID" -o "$WORK/own.img" --quiet ||
	fail "nobody cannot checkpoint its own process"
[ "$(stat -c '%U %a' "$WORK/own.img")" = "nobody 600" ] || fail "own image is not nobody's, mode 600"
if [ -w $yama ]; then
	echo 1 >$yama
	out=$(as_nobody "$CHECKPT" -c "$PROG_PID" -o "$WORK/yama.img" 2>&1); rc=$?
	echo 0 >$yama
	echo "Yama scope 1: exit $rc: $out"
	[ $rc -eq 4 ] || fail "Yama scope 1 did not stop a non-descendant checkpoint (exit $rc)"
fi
finish_prog

as_nobody "$KCKPT_PROGS/sleeper" nodump >"$WORK/nodump.out" 2>&1 &
PROG_JOB=$! PROG_OUT=$WORK/nodump.out
wait_ready
out=$(as_nobody "$CHECKPT" -c "$PROG_PID" -o "$WORK/nodump.img" 2>&1); rc=$?
echo "non-dumpable: exit $rc: $out"
[ $rc -eq 4 ] || fail "a non-dumpable process was not refused (exit $rc)"
finish_prog
pass "checkpoint rights follow ptrace rights"
