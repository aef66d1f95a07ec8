# With IXON and n_tty's buffer full, ^S/^Q queued behind a ^E act as the
# kernel's own n_tty acts on them (probed on a plain N_TTY pty first): at
# once where n_tty has lookahead (6.0 on), and n_tty's lookahead
# bookkeeping is not thrown off by the ^E it never sees; once received,
# in order, where it has none (5.10). Flow control works afterwards.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt_tty
"$KCKPT_PROGS/tty_ldisc" lookahead || fail "lookahead"
pass "flow control behind a full buffer and after it"
