# r12-r15 and ymm0-15 (xmm without AVX), live in a spinning loop when the
# checkpoint hits, hold the same values after restore.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog regs_fpu
sleep 0.5
kill_checkpoint "$PROG_PID" "$WORK/img"
restore_prog "$WORK/img" regs_fpu
sleep 0.5
finish_prog
pass "registers and vector state restored"
