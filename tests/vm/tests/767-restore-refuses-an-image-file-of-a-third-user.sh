# An image in a file that belongs neither to the restorer nor to the
# image's owner is refused (someone else could have written it): the
# kernel refuses it, and checkpt -r passes the reason on.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
user_image 65534 "$WORK/nobody"
chown 1234:1234 "$WORK/nobody/img"
chmod 0644 "$WORK/nobody/img"
expect_refusal "uid 1234" env HOME="$WORK" setpriv --reuid=65534 --regid=65534 --clear-groups -- "$KCKPT_ROOT/build/bin/kckpt-restore" "$WORK/nobody/img"
expect_refusal "uid 1234" env HOME="$WORK" setpriv --reuid=65534 --regid=65534 --clear-groups -- "$CHECKPT" -r "$WORK/nobody/img"
pass "an image file of uid 1234 is refused to uid 65534, the image's owner"
