# An unprivileged user cannot restore another user's image, readable or
# not: the kernel refuses it (kckpt-restore alone) and checkpt -r says whose
# image it is.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
user_image 65534 "$WORK/nobody"
chmod 0755 "$WORK/nobody"
chmod 0644 "$WORK/nobody/img"
expect_refusal "uid 65534" env HOME="$WORK" setpriv --reuid=1234 --regid=1234 --clear-groups -- "$KCKPT_ROOT/build/bin/kckpt-restore" "$WORK/nobody/img"
expect_refusal "uid 65534" env HOME="$WORK" setpriv --reuid=1234 --regid=1234 --clear-groups -- "$CHECKPT" -r "$WORK/nobody/img"
pass "uid 1234 cannot restore uid 65534's image"
