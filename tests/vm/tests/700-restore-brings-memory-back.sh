# Checkpointed, killed, restored: every memory region holds its pattern
# (the program checks itself) and the memory map (ranges, protections,
# offsets, paths) is the one it had.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog mem_patterns "$WORK"
maps_of "$PROG_PID" >"$WORK/maps.before"
kill_checkpoint "$PROG_PID" "$WORK/img"
restore_prog "$WORK/img" mem_patterns
maps_of "$PROG_PID" >"$WORK/maps.after"
diff "$WORK/maps.before" "$WORK/maps.after" || fail "the memory map differs after restore"
finish_prog
pass "memory and map restored"
