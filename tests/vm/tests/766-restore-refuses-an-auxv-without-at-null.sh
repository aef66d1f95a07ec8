# An image whose NT_AUXV fills the kernel's mm->saved_auxv array with no
# AT_NULL entry is refused, and says so: restored, /proc/PID/auxv, a core
# dump or the next checkpoint would read past the array.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
"$KCKPT_PROGS/self_resume" "$WORK/img" 42 >"$WORK/self_resume.out" 2>&1 ||
	fail "cannot make the seed image"
"$KCKPT_PROGS/image_fuzz" fill-auxv "$WORK/img" || fail "cannot rewrite the image's auxv"
expect_refusal AT_NULL "$KCKPT_ROOT/build/bin/kckpt-restore" "$WORK/img"
pass "an auxv that fills mm->saved_auxv without AT_NULL is refused"
