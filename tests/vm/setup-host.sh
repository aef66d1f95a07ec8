#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build KCkpt and run its
# VM tests: enables bookworm-backports (for the 6.12 kernel) on the URI the
# machine's apt sources already use, and installs the Debian packages.
# Idempotent; needs root.
set -eu
PKGS="make gcc libc6-dev libelf-dev dwarves bc kmod cpio xz-utils zstd
      busybox-static qemu-system-x86 gdb e2fsprogs util-linux"
# criu: `make bench` compares checkpoint and restore times with it
PKGS="$PKGS criu"

[ "$(id -u)" -eq 0 ] || { echo "setup-host: run as root (apt-get)" >&2; exit 2; }

backports_source() {
	local list=/etc/apt/sources.list.d/kckpt-backports.sources uri
	grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/ && return 1
	uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
	[ -n "$uri" ] || uri=$(awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
	[ -n "$uri" ] || { echo "setup-host: cannot find the Debian apt URI" >&2; exit 2; }
	printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
		"$uri" >"$list"
	echo "setup-host: added bookworm-backports from $uri"
}

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
stamp=/var/lib/apt/periodic/kckpt-update-stamp
if backports_source || [ ! -e "$stamp" ] || [ -n "$missing" ]; then
	apt-get update -q >/dev/null
	mkdir -p "$(dirname "$stamp")" && touch "$stamp"
fi
if [ -n "$missing" ]; then
	echo "setup-host: installing$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
fi
command -v dotnet >/dev/null || { echo "setup-host: the .NET 10 SDK (dotnet) is required" >&2; exit 2; }
