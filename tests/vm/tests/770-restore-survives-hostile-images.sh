# Thousands of mutated images (ELF header, program headers, notes, page
# data) fed to the kernel's restore path: each is refused or restored (or
# dies after the point of no return: damaged page data), none crashes the
# kernel (the harness checks the kernel log after the run). On tmpfs and on
# the ext4 disk, where the pages are read with direct I/O.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
"$KCKPT_PROGS/self_resume" "$WORK/img" 42 >/dev/null 2>&1 || fail "cannot make the seed image"
"$KCKPT_PROGS/image_fuzz" run "$WORK/img" "${KCKPT_FUZZ_CASES:-2000}" 1 \
	"$KCKPT_ROOT/build/bin/kckpt-restore" || fail "fuzzing on tmpfs failed"
mountpoint -q /disk || fail "/disk is not mounted (the VM's ext4 disk)"
DISK=$(mktemp -d /disk/kckpt-fuzz.XXXXXX)
cp "$WORK/img" "$DISK/img"
"$KCKPT_PROGS/image_fuzz" run "$DISK/img" "${KCKPT_FUZZ_DISK_CASES:-500}" 2 \
	"$KCKPT_ROOT/build/bin/kckpt-restore" || fail "fuzzing on ext4 failed"
rm -rf "$DISK"
pass "hostile images refused or contained on tmpfs and on ext4"
