#!/usr/bin/env bash
# The demo shown by `make demo`, run inside the guest: a counting program
# on the terminal is checkpointed and killed, then restored with
# `checkpt -r`, and carries on counting from where it stopped.
set -u
: "${KCKPT_ROOT:?}" "${KCKPT_RELEASE:?}"
CHECKPT="$KCKPT_ROOT/build/bin/checkpt"
COUNTER="$KCKPT_ROOT/build/tests/counter"
# restore_counter: checkpt -r counter.ckpt in the background; once the
# counter is back (its pid is the counter, the helper gone from its map),
# let it count for a while, then stop it.
restore_counter() {
	local i
	printf '\n\033[1m$ checkpt -r counter.ckpt\033[0m\n'
	"$CHECKPT" -r counter.ckpt &
	restored=$!
	for i in $(seq 1 300); do
		[ "$(cat /proc/$restored/comm 2>/dev/null)" = counter ] &&
			! grep -q kckpt-restore /proc/$restored/maps 2>/dev/null && break
		sleep 0.1
	done
	sleep 3
	kill "$restored"
	wait "$restored" 2>/dev/null
}
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }
say() { printf '\n\033[1m# %s\033[0m\n' "$*"; }

echo "KCkpt demo on $(uname -sr)"
step insmod "$KCKPT_ROOT/build/$KCKPT_RELEASE/kckpt.ko"
step "$CHECKPT" status
cd /tmp || exit 1

say "a program counts on this terminal"
"$COUNTER" &
pid=$!
sleep 3
step "$CHECKPT" -c "$pid" --kill
wait "$pid" 2>/dev/null
say "the counter is gone; its image stays"
step ls -l counter.ckpt
step "$CHECKPT" verify counter.ckpt
step "$CHECKPT" info counter.ckpt
step gdb -batch -nx -ex bt "$COUNTER" counter.ckpt

say "restore it: it carries on counting where it stopped"
restore_counter

say "^E: the counter runs on a terminal with the kckpt line discipline; a keypress saves it"
step insmod "$KCKPT_ROOT/build/$KCKPT_RELEASE/kckpt_tty.ko"
rm -f counter.ckpt
# tty_ldisc fg: COUNTER is the foreground job of a kckpt pty whose output
# comes here; each SIGUSR2 types the checkpoint character (^E) on it
"$KCKPT_ROOT/build/tests/tty_ldisc" fg /tmp "$COUNTER" | grep -v '^CHILD' &
sleep 3
say "^E pressed"
pkill -USR2 -x tty_ldisc
for i in $(seq 1 50); do [ -s counter.ckpt ] && break; sleep 0.1; done
sleep 2
say "the counter went on counting; its image is there"
step ls -l counter.ckpt
pkill -x counter
wait 2>/dev/null
say "restore the ^E image"
restore_counter
echo
echo "demo finished"
