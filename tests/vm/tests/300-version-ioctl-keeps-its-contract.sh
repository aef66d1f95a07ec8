# KCKPT_IOC_VERSION and the ioctl rules: sizes, flags, unknown ioctls.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
"$KCKPT_PROGS/version_ioctl_contract"
