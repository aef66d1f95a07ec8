# File locks and leases are not restored: a checkpoint of a process that
# holds an flock(), POSIX or OFD lock or a lease is refused with a reason
# naming the descriptor and the lock, no file is left behind, and the
# target runs on holding it.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
for mode in flock posix-lock ofd-lock lease; do
	start_prog unsupported_target "$mode" "$WORK/$mode.lock"
	fd=$(for f in /proc/"$PROG_PID"/fd/*; do
		[ "$(readlink "$f")" = "$WORK/$mode.lock" ] && basename "$f"; done)
	[ -n "$fd" ] || fail "$mode: the target does not hold $WORK/$mode.lock open"
	case $mode in lease) word=lease ;; *) word=lock ;; esac
	checkpoint_refused "$mode" "fd $fd .*$word"
done
pass "flock, POSIX and OFD locks and leases refused naming the fd; the targets ran on"
