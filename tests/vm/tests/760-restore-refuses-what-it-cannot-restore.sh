# Restore refuses, with a clear reason and exit code 5, an image whose
# mapped file changed or is missing, an image of another kernel build and
# another user's image: through checkpt -r (which checks first) and
# through kckpt-restore alone (the kernel's own checks).
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
RESTORE_HELPER=$KCKPT_ROOT/build/bin/kckpt-restore

# expect_refusal WORD CMD...: exit 5 and a message containing WORD
expect_refusal() {
	local word=$1 out rc
	shift
	out=$("$@" 2>&1 </dev/null)
	rc=$?
	echo "$*: exit $rc: $out"
	[ $rc -eq 5 ] || fail "$*: exit $rc, expected 5"
	echo "$out" | grep -qi -- "$word" || fail "$*: the message does not mention '$word'"
}

start_prog mem_patterns "$WORK"
kill_checkpoint "$PROG_PID" "$WORK/img"

cp "$WORK/img" "$WORK/other-build.img"
"$KCKPT_PROGS/image_fuzz" patch-kernel "$WORK/other-build.img" || fail "cannot patch the image"
expect_refusal kernel "$CHECKPT" -r "$WORK/other-build.img"
expect_refusal kernel "$RESTORE_HELPER" "$WORK/other-build.img"

chmod 0644 "$WORK/img"
chmod 0755 "$WORK"
expect_refusal uid setpriv --reuid=65534 --regid=65534 --clear-groups -- env HOME="$WORK" "$CHECKPT" -r "$WORK/img"
expect_refusal uid setpriv --reuid=65534 --regid=65534 --clear-groups -- "$RESTORE_HELPER" "$WORK/img"

echo changed >>"$WORK/private-file"
expect_refusal private-file "$CHECKPT" -r "$WORK/img"
expect_refusal changed "$RESTORE_HELPER" "$WORK/img"

rm "$WORK/private-file"
expect_refusal private-file "$CHECKPT" -r "$WORK/img"
expect_refusal private-file "$RESTORE_HELPER" "$WORK/img"
pass "changed file, missing file, other kernel build, other user: all refused"
