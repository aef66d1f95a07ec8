# The files an image maps are opened by RESTORE_BEGIN with the restorer's
# credentials; a path that is no longer a regular file is refused with a
# reason, never opened: here a FIFO now stands where the mapped file was,
# whose open would wait for a writer for ever (a terminal would become
# the restorer's, a device's open may act).
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
mkdir -p "$WORK/d"
start_prog mem_patterns "$WORK/d"
kill_checkpoint "$PROG_PID" "$WORK/img"
rm -f "$WORK/d/private-file" && mkfifo "$WORK/d/private-file" ||
	fail "cannot put a FIFO where the mapped file was"
expect_refusal "regular file" "$KCKPT_ROOT/build/bin/kckpt-restore" "$WORK/img"
pass "a mapped path that became a FIFO is refused, not opened"
