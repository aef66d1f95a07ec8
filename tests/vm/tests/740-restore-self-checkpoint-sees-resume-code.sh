# A process that checkpointed itself sees 0 from the call, and the resume
# code when restored: the one it asked for (42), or the one checkpt -r
# --resume-code gives. checkpt -r runs in the background here (stdin is
# /dev/null, no terminal): the image's terminal fds become /dev/null.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
for code in default 7; do
	want=$([ $code = 7 ] && echo 7 || echo 42)
	args=()
	[ $code = 7 ] && args=(--resume-code 7)
	PROG_OUT=$WORK/$code.out
	"$KCKPT_PROGS/self_resume" "$WORK/$code.img" "$want" >"$PROG_OUT"
	grep -qx CHECKPOINTED "$PROG_OUT" || fail "the first run did not see 0"
	: >"$PROG_OUT"
	"$CHECKPT" -r "$WORK/$code.img" "${args[@]}" 2>"$WORK/$code.err" &
	wait $!
	cat "$PROG_OUT" "$WORK/$code.err"
	grep -qx "RESUMED $want" "$PROG_OUT" || fail "restored with --resume-code $code: not RESUMED $want"
	grep -q '^PASS' "$PROG_OUT" || fail "the restored run did not pass"
	grep -q "is /dev/null now" "$WORK/$code.err" ||
		fail "no word that the terminal fds became /dev/null"
done
pass "0 on checkpoint, 42 (or --resume-code 7) on restore"
