# ^E is an ordinary byte when ISIG is off, and after switching the
# terminal back to N_TTY; TIOCSTI input takes the same path as typed input.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt_tty
"$KCKPT_PROGS/tty_ldisc" stream noisig || fail "stream with ISIG off"
"$KCKPT_PROGS/tty_ldisc" stream ntty || fail "stream after going back to N_TTY"
"$KCKPT_PROGS/tty_ldisc" sti || fail "TIOCSTI"
pass "^E is data without ISIG and under N_TTY; TIOCSTI ^E is consumed"
