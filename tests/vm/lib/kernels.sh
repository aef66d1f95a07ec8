# shellcheck shell=bash
# Kernel selection and fetching for the VM harness (sourced, not run).
#
# A "kernel" is named by its series (6.1, 6.12); the exact Debian ABI name
# is resolved from the meta packages at run time, never hard-coded.
# Everything fetched lives under $KCKPT_CACHE, outside the source tree.

KCKPT_CACHE=${KCKPT_CACHE:-/var/cache/kckpt}
KCKPT_KERNELS=${KCKPT_KERNELS:-"6.1 6.12"}

# apt target release that carries each supported series
kernel_suite() {
	case "$1" in
	6.1) echo "" ;;
	6.12) echo "bookworm-backports" ;;
	*) echo "unsupported kernel series '$1' (supported: 6.1 6.12)" >&2
	   return 1 ;;
	esac
}

# kernel_release SERIES -> e.g. 6.1.0-56-amd64
kernel_release() {
	local suite pkg
	suite=$(kernel_suite "$1") || return 1
	pkg=$(apt-cache depends ${suite:+-t "$suite"} linux-image-amd64 2>/dev/null |
	      awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
	[ -n "$pkg" ] || { echo "cannot resolve the $1 kernel from apt (did apt-get update run?)" >&2; return 1; }
	case "$pkg" in
	"linux-image-$1".*) ;;
	*) echo "apt resolves $1 to $pkg: wrong series (check the apt sources)" >&2
	   return 1 ;;
	esac
	echo "${pkg#linux-image-}"
}

kernel_root() { echo "$KCKPT_CACHE/$1/root"; }
kernel_kdir() { echo "$(kernel_root "$1")/usr/src/linux-headers-$1"; }
kernel_vmlinuz() { echo "$(kernel_root "$1")/boot/vmlinuz-$1"; }

# The image deb plus the headers debs (arch, common, kbuild) of RELEASE.
kernel_debs() {
	local rel=$1
	echo "linux-image-$rel"
	echo "linux-headers-$rel"
	apt-cache depends "linux-headers-$rel" 2>/dev/null |
		awk '/Depends: linux-(headers|kbuild)-/ {print $2}' | sort -u
}

# fetch_kernel RELEASE: download and unpack once; idempotent.
fetch_kernel() {
	local rel=$1 root dl
	root=$(kernel_root "$rel")
	[ -f "$root/.complete" ] && return 0
	dl="$KCKPT_CACHE/$rel/debs"
	rm -rf "$root" && mkdir -p "$root" "$dl" || return 1
	echo "fetching kernel $rel into $KCKPT_CACHE/$rel"
	# shellcheck disable=SC2046
	(cd "$dl" && apt-get download -q $(kernel_debs "$rel")) >/dev/null 2>&1 || {
		echo "apt-get download failed for kernel $rel" >&2; return 1; }
	local deb
	for deb in "$dl"/*.deb; do
		dpkg-deb -x "$deb" "$root" || return 1
	done
	# The arch headers include the common ones by absolute /usr/src path.
	sed -i "s#^include /usr/src/#include $root/usr/src/#" \
		"$(kernel_kdir "$rel")/Makefile"
	depmod -b "$root" "$rel" || return 1
	touch "$root/.complete"
}
