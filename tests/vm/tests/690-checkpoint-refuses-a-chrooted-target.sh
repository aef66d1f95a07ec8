# A chrooted process would come back in the restorer's root: the
# checkpoint is refused with a reason naming the chroot, no file is left
# behind, and the target runs on in its chroot.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
mkdir "$WORK/jail"
start_prog confined chroot "$WORK/jail"
checkpoint_refused chroot chroot
pass "a chrooted process refused with a reason; it ran on in its chroot"
