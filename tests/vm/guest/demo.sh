#!/usr/bin/env bash
# The demo shown by `make demo`, run inside the guest: load kckpt.ko, start a
# counting program, checkpoint it while it runs, look inside the image.
set -u
: "${KCKPT_ROOT:?}" "${KCKPT_RELEASE:?}"
CHECKPT="$KCKPT_ROOT/build/bin/checkpt"
COUNTER="$KCKPT_ROOT/build/tests/counter"
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

echo "KCkpt demo on $(uname -sr)"
step insmod "$KCKPT_ROOT/build/$KCKPT_RELEASE/kckpt.ko"
step "$CHECKPT" status
cd /tmp || exit 1
printf '\n\033[1m$ counter &\033[0m\n'
"$COUNTER" &
pid=$!
sleep 3
step "$CHECKPT" -c "$pid" -o counter.ckpt
sleep 1.5
echo "(the counter kept running through its checkpoint)"
kill "$pid"
wait "$pid" 2>/dev/null
step ls -l counter.ckpt
step "$CHECKPT" verify counter.ckpt
step "$CHECKPT" info counter.ckpt
step gdb -batch -nx -ex bt "$COUNTER" counter.ckpt
echo
echo "demo finished (restoring with 'checkpt -r' arrives with the restore issue)"
