# While the module writes the image of another process, the caller's
# request shows the bytes written so far (checkpt's progress bar reads it),
# and the image is in place, complete, when the call returns.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
cd /disk || fail "no /disk"
"$KCKPT_PROGS/checkpoint_progress" /disk/progress.ckpt 192
