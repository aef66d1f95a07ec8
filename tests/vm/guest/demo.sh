#!/usr/bin/env bash
# The demo shown by `make demo`, run inside the guest.
set -u
: "${KCKPT_ROOT:?}" "${KCKPT_RELEASE:?}"
CHECKPT="$KCKPT_ROOT/build/bin/checkpt"
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }
echo "KCkpt demo on $(uname -sr)"
step "$CHECKPT" status
step insmod "$KCKPT_ROOT/build/$KCKPT_RELEASE/kckpt.ko"
step ls -l /dev/kckpt
step "$CHECKPT" status
echo
echo "demo finished"
