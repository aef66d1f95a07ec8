# r12-r15 and ymm0-15 (xmm without AVX), live in a spinning loop when the
# checkpoint hits, hold the same values after restore.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog regs_fpu
wait_until 30 "regs_fpu did not start spinning" in_user_mode "$PROG_PID"
kill_checkpoint "$PROG_PID" "$WORK/img"
restore_prog "$WORK/img" regs_fpu
finish_prog
pass "registers and vector state restored"
