# KCKPT_BEGIN_DRY_RUN validates an image as RESTORE_BEGIN does (the same
# answer, the same reason) and keeps no session; unknown flags are EINVAL.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
"$KCKPT_PROGS/self_resume" "$WORK/img" 42 >"$WORK/self_resume.out" 2>&1 ||
	fail "cannot make the seed image"
cp "$WORK/img" "$WORK/other-build.img"
"$KCKPT_PROGS/image_fuzz" patch-kernel "$WORK/other-build.img" || fail "cannot patch the image"
"$KCKPT_PROGS/restore_dry_run" "$WORK/img" "$WORK/other-build.img" || fail "restore_dry_run failed"
pass "the dry run answers as BEGIN and keeps no session"
