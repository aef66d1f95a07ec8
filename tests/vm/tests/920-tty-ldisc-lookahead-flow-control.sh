# With IXON and n_tty's buffer full, ^S/^Q queued behind a ^E still act at
# once (lookahead), and n_tty's lookahead bookkeeping is not thrown off by
# the ^E it never sees: flow control works afterwards.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt_tty
"$KCKPT_PROGS/tty_ldisc" lookahead || fail "lookahead"
pass "flow control behind a full buffer and after it"
