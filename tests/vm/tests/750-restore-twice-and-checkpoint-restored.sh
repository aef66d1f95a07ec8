# One image restores twice; a restored process can be checkpointed and
# restored again.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog mem_patterns "$WORK"
kill_checkpoint "$PROG_PID" "$WORK/img"
restore_prog "$WORK/img" mem_patterns
finish_prog
restore_prog "$WORK/img" mem_patterns
kill_checkpoint "$PROG_PID" "$WORK/again.img"
restore_prog "$WORK/again.img" mem_patterns
finish_prog
pass "restored twice, and restored a checkpoint of a restored process"
