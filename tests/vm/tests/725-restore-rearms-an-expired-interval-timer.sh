# An interval ITIMER_REAL that expired while SIGALRM was blocked waits,
# unarmed, for that SIGALRM to be dequeued. Checkpointed, killed and
# restored so, the SIGALRM is still pending and the timer goes on firing
# once it is unblocked (it used to come back disarmed).
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog itimer_expired
kill_checkpoint "$PROG_PID" "$WORK/img"
restore_prog "$WORK/img" itimer_expired
finish_prog
pass "expired interval timer restored"
