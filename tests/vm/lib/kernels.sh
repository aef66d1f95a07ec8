# shellcheck shell=bash
# Kernel selection and fetching for the VM harness (sourced, not run).
#
# A kernel is named by its Debian suite (bullseye, bookworm, trixie, sid,
# experimental) or by the series that suite carries (5.10, 6.1, 6.12; sid's
# series moves, so "sid" is its stable name). The exact Debian ABI name is
# resolved from the suite's linux-image-amd64 meta package at run time,
# never hard-coded.
#
# Each suite gets a minimal root of its own (debootstrap --variant=minbase)
# with that suite's linux-headers-amd64 installed, which brings the compiler
# the suite's kernel was built with: modules are built in that root. The
# roots and the unpacked kernels live under $KCKPT_CACHE, outside the tree,
# and are reused across runs. Every suite comes from the URI the machine's
# own apt sources use.

KCKPT_CACHE=${KCKPT_CACHE:-/var/cache/kckpt}
KCKPT_KERNELS=${KCKPT_KERNELS:-"bullseye bookworm trixie sid"}
# Reported, never failing the run (experimental's release candidate).
KCKPT_OPTIONAL_KERNELS=${KCKPT_OPTIONAL_KERNELS:-}
# Re-read a suite's package lists when they are older than this (minutes).
KCKPT_APT_MAX_AGE=${KCKPT_APT_MAX_AGE:-720}

# kernel_suite NAME -> the suite that carries it
kernel_suite() {
	case "$1" in
	debug) echo debug ;;	# built, not a suite's (lib/debug-kernel.sh)
	bullseye|5.10) echo bullseye ;;
	bookworm|6.1) echo bookworm ;;
	trixie|6.12) echo trixie ;;
	sid|unstable|newest) echo sid ;;
	experimental|rc) echo experimental ;;
	[0-9]*.[0-9]*) echo sid ;;	# any other series: sid's newest
	*) echo "unknown kernel '$1' (bullseye|5.10 bookworm|6.1 trixie|6.12 sid experimental debug)" >&2
	   return 1 ;;
	esac
}

# The Debian archive URI of the machine's own apt sources.
debian_uri() {
	local uri
	uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
	[ -n "$uri" ] || uri=$(awk '$1 == "deb" && $2 ~ /debian\/?$/ {print $2; exit}' \
		/etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null)
	[ -n "$uri" ] || { echo "cannot find the Debian apt URI in the machine's sources" >&2; return 1; }
	echo "$uri"
}

# The security archive's URI, when the machine's sources name one.
debian_security_uri() {
	grep -rhoE '(URIs:[[:space:]]*|deb[[:space:]]+)[^[:space:]]*debian-security/?' \
		/etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
		awk '{print $NF; exit}'
}

suite_root() { echo "$KCKPT_CACHE/suites/$1"; }

# in_root SUITE CMD...: run CMD inside the suite's root, with a /proc of
# its own (7.x's objtool reads /proc/self/maps) mounted in a private mount
# namespace, so nothing stays mounted and concurrent runs do not collide.
in_root() {
	local root
	root=$(suite_root "$1"); shift
	# shellcheck disable=SC2016
	unshare -m --propagation private sh -c \
		'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"' "$root" \
		/usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@"
}

# The root's own sources: a stable suite with its -updates and -security
# (where its newest kernel is), sid alone, experimental on top of sid (it
# only has the packages that differ). The machine's own Acquire settings
# (proxies, validity checks of a mirror snapshot) apply in the root too.
write_root_sources() {
	local suite=$1 root=$2 uri=$3 sec f
	sec=$(debian_security_uri)
	{
		case "$suite" in
		experimental)
			echo "deb $uri sid main"
			echo "deb $uri experimental main" ;;
		sid) echo "deb $uri sid main" ;;
		*)
			echo "deb $uri $suite main"
			echo "deb $uri $suite-updates main"
			[ -n "$sec" ] && echo "deb $sec $suite-security main" ;;
		esac
	} >"$root/etc/apt/sources.list.new" || return 1
	cmp -s "$root/etc/apt/sources.list.new" "$root/etc/apt/sources.list" ||
		rm -f "$root/.kckpt-apt-updated"
	mv "$root/etc/apt/sources.list.new" "$root/etc/apt/sources.list"
	for f in /etc/apt/apt.conf.d/*; do
		grep -qs '^[[:space:]]*Acquire' "$f" && cp "$f" "$root/etc/apt/apt.conf.d/"
	done
	return 0
}

# ensure_suite_root SUITE: a minbase root with the suite's kernel headers
# and compiler; idempotent, refreshes stale package lists.
ensure_suite_root() {
	local suite=$1 root uri base stamp
	root=$(suite_root "$suite")
	uri=$(debian_uri) || return 1
	stamp="$root/.kckpt-apt-updated"
	if [ ! -f "$root/.bootstrapped" ]; then
		base=$suite
		[ "$suite" = experimental ] && base=sid
		echo "bootstrapping a minimal $suite root in $root (once)"
		rm -rf "$root" && mkdir -p "$root" || return 1
		debootstrap --variant=minbase --include=make,kmod "$base" "$root" "$uri" \
			>"$root.debootstrap.log" 2>&1 ||
			{ echo "debootstrap $suite failed (see $root.debootstrap.log)" >&2; return 1; }
		touch "$root/.bootstrapped"
	fi
	write_root_sources "$suite" "$root" "$uri" || return 1
	# an install cut short earlier (a run killed mid-apt) is finished
	# first, or every later apt-get in the root refuses to work
	in_root "$suite" dpkg --configure -a >>"$root.apt.log" 2>&1 ||
		{ echo "dpkg --configure -a in the $suite root failed (see $root.apt.log)" >&2; return 1; }
	if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +"$KCKPT_APT_MAX_AGE")" ]; then
		in_root "$suite" apt-get update -q >"$root.apt.log" 2>&1 ||
			{ echo "apt-get update in the $suite root failed (see $root.apt.log)" >&2; return 1; }
		touch "$stamp"
	fi
}

# kernel_release NAME -> e.g. 6.1.0-57-amd64 (from the suite's meta package;
# experimental: the newest linux-image-*-amd64 it carries)
kernel_release() {
	local suite pkg
	case "$1" in debug) debug_kernel_release; return ;; esac
	suite=$(kernel_suite "$1") || return 1
	ensure_suite_root "$suite" >&2 || return 1
	if [ "$suite" = experimental ]; then
		pkg=$(in_root "$suite" apt-cache depends -t experimental linux-image-amd64 2>/dev/null |
		      awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
	else
		pkg=$(in_root "$suite" apt-cache depends linux-image-amd64 2>/dev/null |
		      awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
	fi
	[ -n "$pkg" ] || { echo "cannot resolve the $suite kernel from its linux-image-amd64" >&2; return 1; }
	pkg=${pkg#linux-image-}
	echo "${pkg%-unsigned}"
}

# The series (5.10, 6.1, 7.2...) of a release.
kernel_series() { echo "$1" | sed -n 's/^\([0-9]*\.[0-9]*\).*/\1/p'; }

# Release -> suite, for the functions below (kernel_release sets it).
release_suite_file() { echo "$KCKPT_CACHE/$1/suite"; }
kernel_root() {
	if debug_release_p "$1"; then debug_kernel_root "$1"; else echo "$KCKPT_CACHE/$1/root"; fi
}
kernel_kdir() { echo "/usr/src/linux-headers-$1"; }	# inside its suite root
# /boot/vmlinuz-REL, or (sid's split packages) beside the modules
kernel_vmlinuz() {
	local root
	root=$(kernel_root "$1")
	if [ -f "$root/boot/vmlinuz-$1" ]; then
		echo "$root/boot/vmlinuz-$1"
	else
		echo "$root/lib/modules/$1/vmlinuz"
	fi
}

# The packages that make up the kernel image of RELEASE: linux-image-REL
# and, where the suite splits it (sid: linux-binary-REL, linux-base-REL),
# every package of that release it depends on, transitively.
kernel_image_debs() {
	local suite=$1 rel=$2 todo="linux-image-$2" seen= p
	# shellcheck disable=SC2086
	while set -- $todo && [ $# -gt 0 ]; do
		p=$1; shift; todo="$*"
		case " $seen " in *" $p "*) continue ;; esac
		seen="$seen $p"
		todo="$todo $(in_root "$suite" apt-cache depends "$p" 2>/dev/null |
			awk -v r="$rel" '$1 ~ /Depends:$/ && index($2, r) && $2 ~ /^linux-/ {print $2}')"
	done
	echo $seen
}

# fetch_kernel NAME RELEASE: the headers (and so the compiler) installed in
# the suite's root, the image unpacked once into the cache; idempotent.
fetch_kernel() {
	local suite rel=$2 root dl t=
	case "$1" in debug) debug_kernel_fetch "$rel"; return ;; esac
	suite=$(kernel_suite "$1") || return 1
	[ "$suite" = experimental ] && t="-t experimental"
	root=$(kernel_root "$rel")
	mkdir -p "$KCKPT_CACHE/$rel" && echo "$suite" >"$(release_suite_file "$rel")"
	if [ ! -d "$(suite_root "$suite")/usr/src/linux-headers-$rel" ]; then
		echo "installing the $rel headers and compiler in the $suite root"
		# shellcheck disable=SC2086
		in_root "$suite" apt-get install -y -q --no-install-recommends $t \
			"linux-headers-$rel" >"$KCKPT_CACHE/$rel/headers.log" 2>&1 || {
			echo "installing linux-headers-$rel failed (see $KCKPT_CACHE/$rel/headers.log)" >&2
			return 1; }
	fi
	[ -f "$root/.complete" ] && return 0
	dl="$(suite_root "$suite")/var/cache/kckpt-debs"
	rm -rf "$root" "$dl" && mkdir -p "$root" "$dl" || return 1
	echo "fetching kernel $rel into $KCKPT_CACHE/$rel"
	# shellcheck disable=SC2086
	in_root "$suite" sh -c "cd /var/cache/kckpt-debs && apt-get download -q $t $(kernel_image_debs "$suite" "$rel")" \
		>"$KCKPT_CACHE/$rel/image.log" 2>&1 || {
		echo "apt-get download linux-image-$rel failed (see $KCKPT_CACHE/$rel/image.log)" >&2
		return 1; }
	local deb
	for deb in "$dl"/*.deb; do
		dpkg-deb -x "$deb" "$root" || return 1
	done
	rm -rf "$dl"
	# merged /usr (trixie on): the modules are under usr/lib
	[ -e "$root/lib" ] || ln -s usr/lib "$root/lib"
	depmod -b "$root" "$rel" || return 1
	touch "$root/.complete"
}

# module_source_stage DIR: the module's sources laid out in DIR (inside a
# build root) as the module build directory wants them.
module_source_stage() {
	rm -rf "$1" && mkdir -p "$1" || return 1
	cp -r "$KCKPT_ROOT/Makefile" "$KCKPT_ROOT/VERSION" "$KCKPT_ROOT/kmod" \
		"$KCKPT_ROOT/tty-hook" "$1/" || return 1
	[ ! -d "$KCKPT_ROOT/include" ] || cp -r "$KCKPT_ROOT/include" "$1/"
}

# module_source_collect DIR RELEASE RC: after a build that exited RC, the
# modules go to build/RELEASE/ and DIR goes; returns RC (1 if the copy failed).
module_source_collect() {
	local src=$1 rel=$2 rc=$3
	if [ $rc -eq 0 ]; then
		mkdir -p "$KCKPT_ROOT/build/$rel"
		cp "$src/build/$rel/kckpt.ko" "$src/build/$rel/kckpt_tty.ko" \
			"$KCKPT_ROOT/build/$rel/" || rc=1
	fi
	rm -rf "$src"
	return $rc
}

# build_module_in_root NAME RELEASE LOG: kckpt.ko and kckpt_tty.ko built by
# the suite's own compiler into build/RELEASE/.
build_module_in_root() {
	local suite rel=$2 log=$3 src
	case "$1" in debug) debug_build_module "$rel" "$log"; return ;; esac
	suite=$(kernel_suite "$1") || return 1
	src="$(suite_root "$suite")/build/kckpt.$$"
	module_source_stage "$src" || return 1
	in_root "$suite" make -s -C "/build/kckpt.$$" module \
		KDIR="$(kernel_kdir "$rel")" KCFLAGS=-Werror >"$log" 2>&1
	module_source_collect "$src" "$rel" $?
}

# The debug kernel (KASAN, lockdep, UBSAN, kmemleak), `-k debug`.
# shellcheck source=lib/debug-kernel.sh
. "$(dirname "${BASH_SOURCE[0]}")/debug-kernel.sh"
