# Root restoring another user's image without --as-owner is refused (it
# would run that user's code as root): the kernel refuses it whatever
# capabilities root holds, and checkpt -r names the owner and the option.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
user_image 65534 "$WORK/nobody"
expect_refusal "uid 65534" "$KCKPT_ROOT/build/bin/kckpt-restore" "$WORK/nobody/img"
expect_refusal "--as-owner" "$CHECKPT" -r "$WORK/nobody/img"
echo "$REFUSAL" | grep -q "uid 65534" || fail "checkpt -r does not name the image's owner"
pass "root is refused another user's image without --as-owner, told whose it is and the option"
