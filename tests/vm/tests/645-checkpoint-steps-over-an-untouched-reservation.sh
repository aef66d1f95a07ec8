# A 256 GiB MAP_NORESERVE reservation written in three pages (a GC heap's
# shape) is checkpointed by stepping over its empty page tables, not by
# asking for 64 Mi pages one at a time (which took longer than a test may),
# and comes back with the three pages, the same map, and an image that
# holds those pages, not the reservation.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog sparse_reserve
maps_of "$PROG_PID" >"$WORK/maps.before"
kill_checkpoint "$PROG_PID" "$WORK/img"
size=$(stat -c %s "$WORK/img")
echo "image of the 256 GiB reservation: $size bytes"
# three pages, the bitmap of 64 Mi pages (8 MiB) and the program itself
[ "$size" -lt $((32 << 20)) ] || fail "the image holds more than the written pages ($size bytes)"
restore_prog "$WORK/img" sparse_reserve
maps_of "$PROG_PID" >"$WORK/maps.after"
diff "$WORK/maps.before" "$WORK/maps.after" || fail "the memory map differs after restore"
finish_prog
pass "untouched reservation stepped over, written pages restored"
