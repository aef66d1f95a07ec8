# rmmod kckpt_tty is refused while a terminal uses its line discipline
# (the ldisc's owner reference), works once the terminal is back on N_TTY
# although it stays open; kckpt cannot go while kckpt_tty uses it; a
# terminal cannot switch to 29 once the module is gone.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt_tty
start_prog tty_ldisc hold
trap 'kill -9 $PROG_JOB 2>/dev/null' EXIT
if rmmod kckpt_tty 2>/dev/null; then
	fail "rmmod kckpt_tty succeeded while a tty used the ldisc"
fi
tty_module_loaded || fail "kckpt_tty vanished although rmmod failed"
if rmmod kckpt 2>/dev/null; then
	fail "rmmod kckpt succeeded while kckpt_tty was loaded"
fi
kill -USR1 "$PROG_PID"
for i in $(seq 1 50); do
	grep -q '^BACK' "$PROG_OUT" && break
	sleep 0.1
done
grep -q '^BACK' "$PROG_OUT" || fail "the holder did not switch back"
rmmod kckpt_tty || fail "rmmod kckpt_tty failed after the tty went back to N_TTY"
grep -q ' 29$' /proc/tty/ldiscs && fail "ldisc 29 still registered after rmmod"
finish_prog
out=$("$KCKPT_PROGS/tty_ldisc" stream isig 2>&1) && fail "TIOCSETD 29 worked without the module"
echo "$out"
echo "$out" | grep -q 'TIOCSETD 29: Invalid argument' || fail "TIOCSETD 29 without the module: not EINVAL"
for i in 1 2 3; do
	insmod "$KCKPT_TTY_KO" || fail "insmod $i"
	rmmod kckpt_tty || fail "rmmod $i"
done
pass "rmmod refused while in use, works after N_TTY; reload cycles clean"
