# The image is a core file tools understand: gdb's backtrace names the
# function the process sleeps in, readelf -a reads it without complaint.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog sleeper
checkpoint "$PROG_PID" "$WORK/img"
bt=$(gdb_batch "$KCKPT_PROGS/sleeper" "$WORK/img" bt)
echo "$bt"
echo "$bt" | grep -q 'kckpt_test_sleeping_here' || fail "the backtrace does not name kckpt_test_sleeping_here"
echo "$bt" | grep -q 'in main' || fail "the backtrace does not reach main"
[ "$(echo "$bt" | grep -c 'New LWP')" -eq 1 ] || fail "gdb sees more than the one thread"
readelf -a "$WORK/img" >"$WORK/readelf.out" 2>"$WORK/readelf.err" || fail "readelf -a failed"
[ ! -s "$WORK/readelf.err" ] || { cat "$WORK/readelf.err"; fail "readelf complained"; }
grep -q 'NT_PRSTATUS' "$WORK/readelf.out" || fail "readelf shows no NT_PRSTATUS"
finish_prog
pass "gdb shows the sleeping function, readelf reads the image cleanly"
