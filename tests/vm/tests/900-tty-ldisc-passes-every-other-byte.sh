# kckpt_tty.ko's line discipline (29) on a pty: megabytes of random data
# with ^E interleaved (single, in runs, at any offset) arrive at the slave
# intact and in order, ^E consumed, while the reader lets the buffer fill;
# also with IXON and ^S/^Q interleaved, and with another ckpt_char.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt_tty
cat /proc/tty/ldiscs
awk '$1 == "kckpt" && $2 == 29 {f = 1} END {exit !f}' /proc/tty/ldiscs ||
	fail "/proc/tty/ldiscs has no kckpt 29"
awk '$1 == "n_tty" && $2 == 0 {f = 1} END {exit !f}' /proc/tty/ldiscs ||
	fail "N_TTY is no longer n_tty in /proc/tty/ldiscs"
[ "$(cat /sys/module/kckpt_tty/parameters/ckpt_char)" = 5 ] || fail "ckpt_char is not 5 (^E) by default"
for mode in isig ixon; do
	"$KCKPT_PROGS/tty_ldisc" stream $mode || fail "stream $mode"
done
fresh_kckpt_tty ckpt_char=20
for mode in isig ixon; do
	"$KCKPT_PROGS/tty_ldisc" stream $mode || fail "stream $mode with ckpt_char=20"
done
pass "every byte but the checkpoint character reaches n_tty in order (also with IXON, and ^T)"
