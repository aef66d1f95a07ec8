# A checkpoint whose image cannot be written (its device stops answering:
# a device-mapper table suspended without freezing the file system, as a
# stalled disk or FUSE server would) must not make its caller unkillable:
# kill -9 ends checkpt while the target is still stuck in the write. Once
# the device answers again the target finds the request cancelled, commits
# nothing (no image, no temporary) and runs on, though --kill was asked.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
command -v dmsetup >/dev/null && command -v losetup >/dev/null ||
	skip "dmsetup or losetup is missing"
for m in loop dm_mod; do
	modprobe -q ${KCKPT_KERNEL_ROOT:+-d "$KCKPT_KERNEL_ROOT"} "$m" 2>/dev/null
done
[ -e /dev/mapper/control ] || skip "no device mapper in this kernel"
[ -e /dev/loop-control ] || skip "no loop devices in this kernel"
export DM_DISABLE_UDEV=1	# no udev here: libdevmapper makes the nodes

DM=kckpt-stall-$$
# the stall is deliberate: no hung-task reports of it (restored at the end)
HUNG=/proc/sys/kernel/hung_task_timeout_secs
HUNG_WAS=$(cat "$HUNG" 2>/dev/null)
[ -n "$HUNG_WAS" ] && echo 0 >"$HUNG"
cleanup() {
	dmsetup resume "$DM" 2>/dev/null
	[ -n "$HUNG_WAS" ] && echo "$HUNG_WAS" >"$HUNG"
	umount "$WORK/mnt" 2>/dev/null
	dmsetup remove "$DM" 2>/dev/null
	[ -n "${LOOP:-}" ] && losetup -d "$LOOP" 2>/dev/null
}
trap cleanup EXIT
truncate -s 256M "$WORK/backing" || fail "cannot make the backing file"
LOOP=$(losetup -f --show "$WORK/backing") || fail "no loop device"
dmsetup create "$DM" --table "0 $(blockdev --getsz "$LOOP") linear $LOOP 0" ||
	fail "dmsetup create failed"
# inode tables and journal made by mkfs itself: no ext4lazyinit writing
# (and holding a group's lock) once the device stalls
mkfs.ext4 -q -E lazy_itable_init=0,lazy_journal_init=0 "/dev/mapper/$DM" &&
	mkdir -p "$WORK/mnt" &&
	mount "/dev/mapper/$DM" "$WORK/mnt" || fail "cannot mount the stallable file system"

start_prog mem_patterns "$WORK"
# what checkpt and the module's file creation read (the directory, the
# inode tables) in memory, the journal written: only the image's own
# writes meet the stalled device
touch "$WORK/mnt/warm" && rm "$WORK/mnt/warm" && ls -la "$WORK/mnt" >/dev/null && sync
dmsetup suspend --nolockfs "$DM" || fail "dmsetup suspend failed"
"$CHECKPT" -c "$PROG_PID" -o "$WORK/mnt/img" --kill --quiet >"$WORK/ckpt.out" 2>&1 &
CK=$!
# the target is stuck writing its image (uninterruptibly, in the kernel)
stuck() { has_state "$PROG_PID" D; }
for i in $(seq 1 600); do stuck && break; sleep 0.05; done
if ! stuck; then
	for p in "$PROG_PID" "$CK"; do
		echo "pid $p ($(cat /proc/$p/comm 2>/dev/null)): $(proc_state "$p"), in $(cat /proc/$p/wchan 2>/dev/null)"
		cat "/proc/$p/stack" 2>/dev/null
	done
	fail "the target never got stuck writing its image (see above)"
fi
kill -9 "$CK"
gone() { [ ! -e "/proc/$1" ] || [ "$(proc_state "$1")" = Z ]; }
wait_until 30 "checkpt, killed, stayed while the image could not be written" gone "$CK"
has_state "$PROG_PID" D || fail "the target is no longer stuck: the test proves nothing"
wait "$CK" 2>/dev/null
dmsetup resume "$DM" || fail "dmsetup resume failed"
wait_until 60 "the target stayed stuck after the device answered" \
	eval '! has_state "$PROG_PID" D'
kill -0 "$PROG_PID" || fail "the target is gone (the cancelled request still killed it)"
left=$(ls -A "$WORK/mnt" | grep -v '^lost+found$')
[ -z "$left" ] || fail "the cancelled checkpoint left files: $left"
finish_prog
pass "killed checkpt left at once; the cancelled request committed nothing and the target ran on"
