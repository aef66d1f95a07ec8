# shellcheck shell=bash
# Boots one kernel under qemu (TCG) with the host's root shared read-only
# over 9p, OUTDIR shared writable and OUTDIR/disk.img as a virtio disk (an
# ext4 file system the guest mounts at /disk); the guest runs OUTDIR/job.sh.
# Sourced by run.sh.

KCKPT_VM_MEM=${KCKPT_VM_MEM:-2048}
KCKPT_VM_SMP=${KCKPT_VM_SMP:-2}
KCKPT_VM_DISK_SIZE=${KCKPT_VM_DISK_SIZE:-6G}

# make_disk FILE: a sparse, empty ext4 file system (the guest's /disk: images
# on a block device's file system, where direct I/O works, unlike tmpfs).
# Its tables are written here, not lazily by the guest during the tests.
make_disk() {
	rm -f "$1" && truncate -s "$KCKPT_VM_DISK_SIZE" "$1" &&
		mkfs.ext4 -q -F -E lazy_itable_init=0,lazy_journal_init=0 "$1"
}

# boot_vm RELEASE INITRAMFS OUTDIR TIMEOUT_SECONDS CONSOLE_LOG SHOW
# The console goes to CONSOLE_LOG, and to stdout too when SHOW is "yes".
# Returns qemu's status (124 when the timeout killed it).
boot_vm() {
	local rel=$1 initrd=$2 out=$3 limit=$4 log=$5 show=$6 sink=/dev/null
	[ "$show" = yes ] && sink=/dev/stdout
	timeout -k 10 "$limit" qemu-system-x86_64 \
		-accel tcg,thread=multi -smp "$KCKPT_VM_SMP" -cpu max \
		-m "$KCKPT_VM_MEM" -nographic -no-reboot -net none \
		-kernel "$(kernel_vmlinuz "$rel")" -initrd "$initrd" \
		-append "console=ttyS0 quiet panic=-1" \
		-virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
		-virtfs local,path="$out",mount_tag=out,security_model=none,multidevs=remap \
		-virtfs local,path="$KCKPT_ROOT",mount_tag=checkout,security_model=none,readonly=on,multidevs=remap \
		-drive file="$out/disk.img",if=virtio,format=raw \
		</dev/null 2>&1 | tr -d '\r' | tee "$log" >"$sink"
	return "${PIPESTATUS[0]}"
}
