#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build KCkpt and run its
# VM tests: installs the Debian packages. The kernels of the four suites
# (bullseye, bookworm, trixie, sid) are fetched by tests/vm/lib/kernels.sh
# into minimal roots of their own, from the URI the machine's apt sources
# already use. Idempotent; needs root.
set -eu
PKGS="make gcc libc6-dev libelf-dev dwarves bc kmod cpio xz-utils zstd
      busybox-static qemu-system-x86 gdb e2fsprogs util-linux debootstrap"
# criu: `make bench` compares checkpoint and restore times with it
PKGS="$PKGS criu"

[ "$(id -u)" -eq 0 ] || { echo "setup-host: run as root (apt-get)" >&2; exit 2; }

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
stamp=/var/lib/apt/periodic/kckpt-update-stamp
if [ ! -e "$stamp" ] || [ -n "$missing" ]; then
	apt-get update -q >/dev/null
	mkdir -p "$(dirname "$stamp")" && touch "$stamp"
fi
if [ -n "$missing" ]; then
	echo "setup-host: installing$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
fi
command -v dotnet >/dev/null || { echo "setup-host: the .NET 10 SDK (dotnet) is required" >&2; exit 2; }
