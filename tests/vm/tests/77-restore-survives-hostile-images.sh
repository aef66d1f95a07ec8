# Thousands of mutated images (ELF header, program headers, notes) fed to
# the kernel's restore path: each is refused or restored, none crashes the
# kernel (the harness checks the kernel log after the run).
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
"$KCKPT_PROGS/self_resume" "$WORK/img" 42 >/dev/null 2>&1 || fail "cannot make the seed image"
"$KCKPT_PROGS/image_fuzz" run "$WORK/img" "${KCKPT_FUZZ_CASES:-2000}" 1 \
	"$KCKPT_ROOT/build/bin/kckpt-restore"
