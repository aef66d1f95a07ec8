# checkpt -r asks the kernel (a dry-run RESTORE_BEGIN) before it starts
# anything: an image only the kernel's checks refuse (an auxv without
# AT_NULL) is refused by checkpt -r --detach with the kernel's reason,
# exit 5, and no pid file, instead of a helper that fails later.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
"$KCKPT_PROGS/self_resume" "$WORK/img" 42 >"$WORK/self_resume.out" 2>&1 ||
	fail "cannot make the seed image"
"$KCKPT_PROGS/image_fuzz" fill-auxv "$WORK/img" || fail "cannot rewrite the image's auxv"
expect_refusal AT_NULL "$CHECKPT" -r "$WORK/img" --detach --pidfile "$WORK/pid"
[ ! -e "$WORK/pid" ] || fail "a pid file was written for a refused restore"
pass "checkpt -r --detach refuses, with the kernel's reason, an image the kernel refuses"
