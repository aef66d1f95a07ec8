# After a checkpoint the target runs on (default), is stopped (--stop, as
# SIGSTOP) or is killed (--kill).
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog sleeper
checkpoint "$PROG_PID" "$WORK/continue.img"
kill -USR2 "$PROG_PID"
wait_state "$PROG_PID" S

checkpoint "$PROG_PID" "$WORK/stop.img" --stop
wait_state "$PROG_PID" T
kill -CONT "$PROG_PID"
wait_state "$PROG_PID" S

checkpoint "$PROG_PID" "$WORK/kill.img" --kill
wait "$PROG_JOB"
rc=$?
[ $rc -eq 137 ] || fail "after --kill the target exited with $rc, expected 137 (SIGKILL)"
for i in continue stop kill; do
	"$CHECKPT" verify "$WORK/$i.img" || fail "the --$i image does not verify"
done
pass "continue, --stop and --kill behave"
