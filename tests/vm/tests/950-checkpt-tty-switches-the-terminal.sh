# checkpt tty on|off|status on a terminal: switches it to kckpt_tty's line
# discipline (29) and back, shows which and the checkpoint character; says
# how to load the module when it is not loaded (exit 3), and what is wrong
# without a terminal.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"

unload_kckpt
in_tty "$CHECKPT tty on; echo rc=\$?" "$WORK/noload.out"
grep -q '^checkpt: kckpt_tty.ko is not loaded: .*modprobe kckpt_tty' "$WORK/noload.out.txt" ||
	fail "tty on without the module: no 'not loaded' message"
grep -qx 'rc=3' "$WORK/noload.out.txt" || fail "tty on without the module: exit status is not 3"

fresh_kckpt_tty ckpt_char=20
in_tty "$CHECKPT tty status; $CHECKPT tty on; $CHECKPT tty status; $CHECKPT tty off; $CHECKPT tty status" "$WORK/on.out"
[ "$(grep -c '^line discipline: 0 (n_tty)' "$WORK/on.out.txt")" = 2 ] ||
	fail "status does not say n_tty before on and after off"
grep -q '^line discipline: 29 (kckpt)$' "$WORK/on.out.txt" || fail "status does not say 29 after on"
grep -q '^ckpt_char:       \^T (20) checkpoints the foreground job$' "$WORK/on.out.txt" ||
	fail "status does not show ^T as the checkpoint character"
grep -q '^checkpt: \^T (20) on /dev/pts/[0-9]* now checkpoints the foreground job$' "$WORK/on.out.txt" ||
	fail "tty on did not confirm"
grep -q '^checkpt: /dev/pts/[0-9]* is back on n_tty$' "$WORK/on.out.txt" || fail "tty off did not confirm"

out=$(setsid "$CHECKPT" tty status </dev/null 2>&1)
rc=$?
echo "$out"
[ $rc = 1 ] || fail "tty status without a terminal exited $rc, not 1"
echo "$out" | grep -q '^checkpt: no terminal: ' || fail "tty status without a terminal: no 'no terminal' message"
rmmod kckpt_tty || fail "rmmod kckpt_tty after tty off"
pass "checkpt tty on/off/status switch and report; refusals are explained"
