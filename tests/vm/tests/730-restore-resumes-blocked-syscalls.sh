# A process checkpointed while blocked in nanosleep, pause, futex, poll or
# a tty read is back in that call after restore, and a signal interrupts
# it as it would have the original.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
for mode in nanosleep pause futex poll; do
	start_prog blocked_syscall "$mode"
	nr=$(awk '/^SYSCALL/ {print $2}' "$PROG_OUT")
	wait_blocked "$PROG_PID" "$nr"
	kill_checkpoint "$PROG_PID" "$WORK/$mode.img"
	restore_prog "$WORK/$mode.img" blocked_syscall
	wait_blocked "$PROG_PID" "$nr"
	finish_prog
done
start_prog_on_tty blocked_syscall read-tty
nr=$(tr -d '\r' <"$PROG_OUT" | awk '/^SYSCALL/ {print $2}')
wait_blocked "$PROG_PID" "$nr"
kill_checkpoint "$PROG_PID" "$WORK/tty.img"
PROG_OUT=$WORK/tty-restored.out
on_tty "$CHECKPT -r $WORK/tty.img" "$PROG_OUT"
for i in $(seq 1 600); do
	PROG_PID=$(grep -lx blocked_syscall /proc/[0-9]*/comm 2>/dev/null | head -n 1 | cut -d/ -f3)
	[ -n "$PROG_PID" ] && ! grep -q kckpt-restore "/proc/$PROG_PID/maps" && break
	sleep 0.1
done
[ -n "$PROG_PID" ] || fail "the tty reader was not restored"
wait_blocked "$PROG_PID" "$nr"
finish_prog
pass "five blocked calls resumed after restore"
