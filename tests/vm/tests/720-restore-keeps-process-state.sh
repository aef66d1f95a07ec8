# TLS (fs base), file offsets, O_APPEND, cwd, umask, rlimits, comm,
# handlers and mask, a pending blocked signal, sigaltstack, ITIMER_REAL,
# rseq, the vdso clock, brk and malloc all survive checkpoint + restore.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog proc_state "$WORK"
kill_checkpoint "$PROG_PID" "$WORK/img"
restore_prog "$WORK/img" kckpt-state
finish_prog
pass "process state restored"
