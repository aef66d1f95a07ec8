# shellcheck shell=bash
# The debug kernel of the VM harness: `tests/vm/run.sh test -k debug`,
# `make test-debug`. Sourced by kernels.sh, which dispatches its `debug)`
# cases here.
#
# Debian's stock kernels have no KASAN, lockdep, UBSAN or kmemleak, so the
# verdict's splat check cannot see those bugs. This kernel is built from
# trixie's own source (linux-source-6.12: the code paths of a supported
# kernel) with x86_64_defconfig plus debug-kernel.config beside this file:
# everything the guest needs is built in (its initramfs loads no modules),
# only kckpt.ko and kckpt_tty.ko are modules.
#
# It is built in the trixie root by trixie's compiler, in
# $KCKPT_CACHE/debug-<source version>/ (bind-mounted at /kckpt-debug in the
# root): linux/ is the source and build tree, and the tree kckpt.ko is
# built against (with its Module.symvers); root/ holds boot/vmlinuz-REL and
# lib/modules/REL as the other kernels' unpacked packages do. It is
# rebuilt (incrementally) only when the source version, the config
# fragment or the compiler changes; the release is <version>-kckpt-debug.

KCKPT_DEBUG_SUITE=trixie
KCKPT_DEBUG_SOURCE=linux-source-6.12
KCKPT_DEBUG_FRAGMENT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/debug-kernel.config
KCKPT_DEBUG_SUFFIX=-kckpt-debug
# trixie's kernels are built by gcc-14 (CONFIG_CC_VERSION_TEXT of its
# linux-headers-*-amd64); the same compiler builds kckpt.ko against it
KCKPT_DEBUG_CC=${KCKPT_DEBUG_CC:-x86_64-linux-gnu-gcc-14}
KCKPT_DEBUG_BUILD_DEPS="$KCKPT_DEBUG_SOURCE bc bison flex libssl-dev libelf-dev cpio kmod xz-utils make gcc-14 libc6-dev"
# The build shares the machine: lowest priority, two jobs.
KCKPT_DEBUG_JOBS=${KCKPT_DEBUG_JOBS:-2}
# KASAN, lockdep and kmemleak under TCG: the guest's whole run may take
# this long (run.sh's limit for the other kernels is KCKPT_VM_TIMEOUT).
KCKPT_DEBUG_VM_TIMEOUT=${KCKPT_DEBUG_VM_TIMEOUT:-7200}

debug_release_p() { case "$1" in *"$KCKPT_DEBUG_SUFFIX") return 0 ;; esac; return 1; }

# The Debian version of the source installed in the trixie root (installing
# or upgrading it and the build dependencies first, when needed).
debug_source_version() {
	local root have want
	ensure_suite_root "$KCKPT_DEBUG_SUITE" >&2 || return 1
	root=$(suite_root "$KCKPT_DEBUG_SUITE")
	have=$(in_root "$KCKPT_DEBUG_SUITE" dpkg-query -W -f='${Version}' "$KCKPT_DEBUG_SOURCE" 2>/dev/null)
	want=$(in_root "$KCKPT_DEBUG_SUITE" apt-cache policy "$KCKPT_DEBUG_SOURCE" 2>/dev/null |
		awk '$1 == "Candidate:" {print $2; exit}')
	if [ -z "$have" ] || { [ -n "$want" ] && [ "$want" != "(none)" ] && [ "$have" != "$want" ]; } ||
	   ! in_root "$KCKPT_DEBUG_SUITE" sh -c "command -v bison flex bc $KCKPT_DEBUG_CC" >/dev/null; then
		echo "installing $KCKPT_DEBUG_SOURCE and the kernel's build dependencies in the $KCKPT_DEBUG_SUITE root" >&2
		# shellcheck disable=SC2086
		in_root "$KCKPT_DEBUG_SUITE" apt-get install -y -q --no-install-recommends \
			-o DPkg::Lock::Timeout=600 $KCKPT_DEBUG_BUILD_DEPS >"$root.debug-deps.log" 2>&1 || {
			echo "installing $KCKPT_DEBUG_SOURCE failed (see $root.debug-deps.log)" >&2
			return 1; }
		have=$(in_root "$KCKPT_DEBUG_SUITE" dpkg-query -W -f='${Version}' "$KCKPT_DEBUG_SOURCE")
	fi
	[ -n "$have" ] || { echo "no $KCKPT_DEBUG_SOURCE in the $KCKPT_DEBUG_SUITE root" >&2; return 1; }
	echo "$have"
}

debug_dir() { echo "$KCKPT_CACHE/debug-$1"; }	# source version

# debug_in_root DIR CMD...: in_root for the debug kernel, with DIR (its
# cache directory) bind-mounted at /kckpt-debug.
debug_in_root() {
	local dir=$1 root
	shift
	root=$(suite_root "$KCKPT_DEBUG_SUITE")
	mkdir -p "$root/kckpt-debug" || return 1
	# shellcheck disable=SC2016
	unshare -m --propagation private sh -c \
		'r=$1 d=$2; shift 2; mount --bind "$d" "$r/kckpt-debug" &&
		 mount -t proc proc "$r/proc" && exec chroot "$r" "$@"' sh "$root" "$dir" \
		/usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@"
}

# kernel_release debug -> e.g. 6.12.118-kckpt-debug (from the source's
# Debian version; checked against the built tree's kernel.release). The
# source version is kept for debug_kernel_fetch.
debug_kernel_release() {
	local ver
	ver=$(debug_source_version) || return 1
	mkdir -p "$KCKPT_CACHE" && echo "$ver" >"$KCKPT_CACHE/debug-source-version" || return 1
	echo "${ver%%-*}$KCKPT_DEBUG_SUFFIX"
}

# kernel_root REL for the debug release: the newest build of that version.
debug_kernel_root() {
	local ver
	ver=$(cat "$KCKPT_CACHE/debug-source-version" 2>/dev/null)
	echo "$(debug_dir "${ver:-unknown}")/root"
}

# What the build depends on: source version, fragment, compiler.
debug_build_key() {
	echo "source $1"
	echo "fragment $(sha256sum <"$KCKPT_DEBUG_FRAGMENT" | cut -d' ' -f1)"
	echo "compiler $(in_root "$KCKPT_DEBUG_SUITE" "$KCKPT_DEBUG_CC" --version | head -n 1)"
}

# debug_check_config CONFIG: every line of the fragment holds in CONFIG.
debug_check_config() {
	local config=$1 line sym bad=0
	while IFS= read -r line; do
		case "$line" in
		CONFIG_*=*)
			grep -qxF -- "$line" "$config" ||
				{ echo "debug kernel: $line did not hold ($(grep -E "^(# )?${line%%=*}[= ]" "$config" || echo absent))" >&2; bad=1; } ;;
		"# CONFIG_"*" is not set")
			sym=${line#\# }; sym=${sym%% *}
			! grep -q "^$sym=" "$config" ||
				{ echo "debug kernel: $sym stays on ($(grep "^$sym=" "$config"))" >&2; bad=1; } ;;
		esac
	done <"$KCKPT_DEBUG_FRAGMENT"
	return $bad
}

# debug_kernel_fetch REL: build the kernel unless the cached build matches
# source version, fragment and compiler; idempotent. Exclusive while it
# builds (a flock beside the directory).
debug_kernel_fetch() {
	local rel=$1 ver dir key mk
	ver=$(cat "$KCKPT_CACHE/debug-source-version" 2>/dev/null)
	[ -n "$ver" ] || { echo "debug kernel: no source version (kernel_release first)" >&2; return 1; }
	dir=$(debug_dir "$ver")
	mkdir -p "$dir" || return 1
	key=$(debug_build_key "$ver") || return 1
	(
		flock 9 || exit 1
		[ -f "$dir/root/.complete" ] && [ "$key" = "$(cat "$dir/build-key" 2>/dev/null)" ] && exit 0
		rm -f "$dir/root/.complete"
		echo "building the debug kernel $rel in $dir (nice, -j$KCKPT_DEBUG_JOBS; see $dir/build.log)"
		local t0=$SECONDS
		mk="nice -n 19 make -j$KCKPT_DEBUG_JOBS CC=$KCKPT_DEBUG_CC HOSTCC=$KCKPT_DEBUG_CC"
		cp "$KCKPT_DEBUG_FRAGMENT" "$dir/debug-kernel.config" || exit 1
		debug_in_root "$dir" sh -ec "
			cd /kckpt-debug
			if [ ! -f linux/.kckpt-unpacked ]; then
				rm -rf linux linux-source-*
				tar -xf /usr/src/$KCKPT_DEBUG_SOURCE.tar.xz
				mv $KCKPT_DEBUG_SOURCE linux
				touch linux/.kckpt-unpacked
			fi
			cd linux
			$mk x86_64_defconfig
			scripts/kconfig/merge_config.sh -m .config /kckpt-debug/debug-kernel.config
			$mk olddefconfig" >"$dir/build.log" 2>&1 ||
			{ echo "debug kernel: configuring failed (see $dir/build.log)" >&2; exit 1; }
		debug_check_config "$dir/linux/.config" || exit 1
		debug_in_root "$dir" sh -ec "
			cd /kckpt-debug/linux
			$mk
			rm -rf /kckpt-debug/root
			$mk modules_install INSTALL_MOD_PATH=/kckpt-debug/root
			mkdir -p /kckpt-debug/root/boot
			cp arch/x86/boot/bzImage /kckpt-debug/root/boot/vmlinuz-\$(cat include/config/kernel.release)" \
			>>"$dir/build.log" 2>&1 ||
			{ echo "debug kernel: the build failed (see $dir/build.log):" >&2
			  grep -E 'error|Error' "$dir/build.log" | tail -n 20 >&2; exit 1; }
		[ "$(cat "$dir/linux/include/config/kernel.release")" = "$rel" ] || {
			echo "debug kernel: built $(cat "$dir/linux/include/config/kernel.release"), expected $rel" >&2
			exit 1; }
		echo "$key" >"$dir/build-key"
		touch "$dir/root/.complete"
		echo "built the debug kernel $rel in $((SECONDS - t0))s"
		# builds of older source versions are of no further use
		local old
		for old in "$KCKPT_CACHE"/debug-*/; do
			[ "${old%/}" = "$dir" ] || rm -rf "${old%/}" "${old%/}.lock"
		done
		exit 0
	) 9>"$dir.lock"
}

# debug_build_module REL LOG: kckpt.ko and kckpt_tty.ko built against the
# debug tree by its compiler, warnings as errors, into build/REL/.
debug_build_module() {
	local rel=$1 log=$2 ver dir src
	ver=$(cat "$KCKPT_CACHE/debug-source-version" 2>/dev/null)
	dir=$(debug_dir "$ver")
	src="$(suite_root "$KCKPT_DEBUG_SUITE")/build/kckpt.$$"
	module_source_stage "$src" || return 1
	(
		flock -s 9 || exit 1
		debug_in_root "$dir" make -s -C "/build/kckpt.$$" module \
			KDIR=/kckpt-debug/linux CC="$KCKPT_DEBUG_CC" KCFLAGS=-Werror
	) 9>"$dir.lock" >"$log" 2>&1
	module_source_collect "$src" "$rel" $?
}
