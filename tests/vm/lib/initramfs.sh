# shellcheck shell=bash
# Builds the guest's initramfs: static busybox, the modules needed to mount
# the host's root over 9p and the ext4 disk (resolved by dependency,
# decompressed so busybox insmod can load them) and guest/init. Sourced by
# run.sh.

# Modules the guest needs before it can reach the host's files and its disk.
KCKPT_GUEST_MODULES=${KCKPT_GUEST_MODULES:-"virtio_pci 9pnet_virtio 9p overlay virtio_blk ext4"}

# Ordered, de-duplicated module files (paths in the kernel root) for RELEASE.
guest_module_files() {
	local rel=$1 root m
	root=$(kernel_root "$rel")
	for m in $KCKPT_GUEST_MODULES; do
		modprobe -d "$root" -S "$rel" --show-depends "$m" ||
			{ echo "module $m not found for $rel" >&2; return 1; }
	done | awk '$1 == "insmod" && !seen[$2]++ {print $2}'
}

# build_initramfs RELEASE OUTPUT.cpio.gz
build_initramfs() {
	local rel=$1 out=$2 stage f name
	stage=$(mktemp -d) || return 1
	mkdir -p "$stage"/{bin,dev,proc,sys,lib/modules,host,out,newroot,upper}
	cp /bin/busybox "$stage/bin/busybox" || return 1
	: >"$stage/modules.list"
	for f in $(guest_module_files "$rel"); do
		name=$(basename "$f")
		case "$name" in
		*.ko.xz) xz -dc "$f" >"$stage/lib/modules/${name%.xz}"; name=${name%.xz} ;;
		*.ko.zst) zstd -qdc "$f" >"$stage/lib/modules/${name%.zst}"; name=${name%.zst} ;;
		*) cp "$f" "$stage/lib/modules/$name" ;;
		esac
		echo "$name" >>"$stage/modules.list"
	done
	install -m 0755 "$KCKPT_VM_DIR/guest/init" "$stage/init"
	(cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) >"$out"
	local rc=$?
	rm -rf "$stage"
	return $rc
}
