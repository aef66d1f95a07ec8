# rmmod while a process holds /dev/kckpt open is refused, not a crash;
# once the holder is gone, rmmod works.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
sleep 300 </dev/kckpt &
holder=$!
trap 'kill $holder 2>/dev/null' EXIT
wait_until 30 "the holder did not open /dev/kckpt" holds_open "$holder" /dev/kckpt
if rmmod kckpt 2>/dev/null; then
	fail "rmmod succeeded while /dev/kckpt was open"
fi
module_loaded || fail "module vanished although rmmod failed"
"$CHECKPT" status >/dev/null || fail "module unusable after the refused rmmod"
kill $holder; wait $holder 2>/dev/null
rmmod kckpt || fail "rmmod failed after the holder exited"
[ ! -e /dev/kckpt ] || fail "/dev/kckpt still exists after rmmod"
pass "rmmod refused while open, works after close"
