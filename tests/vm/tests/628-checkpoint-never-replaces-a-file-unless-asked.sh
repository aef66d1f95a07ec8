# An image goes over an existing file only with --force, and never over
# another user's file; a refusal leaves the target running, the file as it
# was, and no temporary behind.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog sleeper
echo precious >"$WORK/theirs.ckpt"
chown 65534:65534 "$WORK/theirs.ckpt"
out=$("$CHECKPT" -c "$PROG_PID" -o "$WORK/theirs.ckpt" --force --kill 2>&1); rc=$?
echo "exit $rc: $out"
[ $rc -ne 0 ] || fail "root's image replaced another user's file"
echo "$out" | grep -q 'belongs to another user' || fail "the refusal does not say whose the file is"
[ "$(cat "$WORK/theirs.ckpt")" = precious ] || fail "the other user's file changed"
kill -0 "$PROG_PID" 2>/dev/null || fail "the target was killed although its image was refused"
checkpoint "$PROG_PID" "$WORK/mine.ckpt"
checkpoint "$PROG_PID" "$WORK/mine.ckpt" --force
"$CHECKPT" verify "$WORK/mine.ckpt" >/dev/null || fail "the replaced image does not verify"
left=$(ls -A "$WORK" | grep '\.tmp$')
[ -z "$left" ] || fail "temporaries were left behind: $left"
finish_prog
pass "images replace only the caller's own file, with --force"
