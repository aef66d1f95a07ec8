# A process checkpointing itself gets 0 from the ioctl, and the image's
# saved registers make the same ioctl return the resume code (42).
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
"$KCKPT_PROGS/self_checkpoint" "$WORK/img" >"$WORK/out"
cat "$WORK/out"
grep -q '^PASS' "$WORK/out" || fail "self checkpoint failed"
"$CHECKPT" verify "$WORK/img" || fail "the self image does not verify"
out=$(gdb_batch "$KCKPT_PROGS/self_checkpoint" "$WORK/img" 'p/d $rax')
echo "$out" | grep -Eq '= 42$' || { echo "$out"; fail "saved ax is not the resume code 42"; }
pass "self checkpoint returns 0, the image resumes with 42"
