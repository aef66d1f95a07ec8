# A process checkpointed while blocked in nanosleep, pause, futex, poll or
# a tty read is back in that call after restore, and a signal interrupts
# it as it would have the original.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
for mode in nanosleep pause futex poll; do
	start_prog blocked_syscall "$mode"
	sleep 0.5
	kill_checkpoint "$PROG_PID" "$WORK/$mode.img"
	restore_prog "$WORK/$mode.img" blocked_syscall
	sleep 0.5
	[ "$(proc_state "$PROG_PID")" = S ] || fail "$mode: not sleeping after restore"
	finish_prog
done
start_prog_on_tty blocked_syscall read-tty
sleep 0.5
kill_checkpoint "$PROG_PID" "$WORK/tty.img"
PROG_OUT=$WORK/tty-restored.out
on_tty "$CHECKPT -r $WORK/tty.img" "$PROG_OUT"
for i in $(seq 1 600); do
	PROG_PID=$(grep -lx blocked_syscall /proc/[0-9]*/comm 2>/dev/null | head -n 1 | cut -d/ -f3)
	[ -n "$PROG_PID" ] && ! grep -q kckpt-restore "/proc/$PROG_PID/maps" && break
	sleep 0.1
done
[ -n "$PROG_PID" ] || fail "the tty reader was not restored"
sleep 0.5
finish_prog
pass "five blocked calls resumed after restore"
