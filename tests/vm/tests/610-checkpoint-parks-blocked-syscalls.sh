# A process blocked in nanosleep, pause, futex wait, poll or a tty read is
# parked and saved in the post-restart state (ip on the syscall
# instruction, ax = the syscall number), and its live call carries on.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
for mode in nanosleep pause futex poll read-tty; do
	if [ "$mode" = read-tty ]; then
		start_prog_on_tty blocked_syscall "$mode"
	else
		start_prog blocked_syscall "$mode"
	fi
	nr=$(tr -d '\r' <"$PROG_OUT" | awk '/^SYSCALL/ {print $2}')
	wait_blocked "$PROG_PID" "$nr"
	checkpoint "$PROG_PID" "$WORK/$mode.img"
	out=$(gdb_batch "$KCKPT_PROGS/blocked_syscall" "$WORK/$mode.img" 'x/2bx $pc' 'p/d $rax')
	echo "$out" | grep -Eq '0x0f[[:space:]]+0x05' ||
		{ echo "$out"; fail "$mode: the saved ip is not on the syscall instruction"; }
	echo "$out" | grep -Eq "= $nr\$" ||
		{ echo "$out"; fail "$mode: the saved ax is not syscall $nr"; }
	finish_prog
done
pass "all five blocked calls saved in their restart state"
