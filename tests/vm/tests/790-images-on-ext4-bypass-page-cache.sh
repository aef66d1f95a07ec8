# An image on a block device's file system (ext4 on the guest's virtio
# disk) is written and read with direct I/O: its page data never enters
# the page cache, neither when checkpointed nor when restored, its crc32c
# (summed on two CPUs and combined) verifies, and the process comes back
# with every region intact.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
mountpoint -q /disk || fail "/disk is not mounted (the VM's ext4 disk)"
DISK=$(mktemp -d /disk/kckpt-test.XXXXXX)
img=$DISK/img

# cached_kib FILE: how much of FILE is in the page cache, KiB
cached_kib() { fincore --bytes --noheadings --output RES "$1" | awk '{print int($1 / 1024)}'; }
size_kib() { echo $(($(stat -c %s "$1") / 1024)); }

start_prog mem_patterns "$WORK"
maps_of "$PROG_PID" >"$WORK/maps.before"
kill_checkpoint "$PROG_PID" "$img"
echo "image $(size_kib "$img") KiB, $(cached_kib "$img") KiB cached after the checkpoint"
[ "$(cached_kib "$img")" -lt $(($(size_kib "$img") / 4)) ] ||
	fail "the checkpoint's page data went through the page cache"

sync
echo 3 >/proc/sys/vm/drop_caches
"$KCKPT_ROOT/build/bin/kckpt-restore" "$img" &
PROG_JOB=$!
PROG_PID=$!
wait_restored "$PROG_PID" mem_patterns "$img"
echo "$(cached_kib "$img") KiB cached after the restore"
[ "$(cached_kib "$img")" -lt $(($(size_kib "$img") / 4)) ] ||
	fail "the restore read the page data through the page cache"
maps_of "$PROG_PID" >"$WORK/maps.after"
diff "$WORK/maps.before" "$WORK/maps.after" || fail "the memory map differs after restore"
finish_prog
"$CHECKPT" verify "$img" || fail "checkpt verify rejects the image written with direct I/O"
rm -rf "$DISK"
pass "image on ext4 written and read with direct I/O, verified, memory restored"
