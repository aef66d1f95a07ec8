# An image holds at most 4096 queued signals. A process with 5000 queued
# real-time signals is refused with a reason that says so (they used to be
# cut at 4096 without a word), no file is left, and the process runs on
# with every signal still queued.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog signal_flood
out=$("$CHECKPT" -c "$PROG_PID" -o "$WORK/flood.img" 2>&1)
rc=$?
echo "exit $rc: $out"
[ $rc -ne 0 ] || fail "a process with 5000 queued signals was checkpointed"
echo "$out" | grep -q "signals are queued" || fail "the reason does not say that too many signals are queued"
[ -z "$(ls -A "$WORK" | grep -E '\.img|\.tmp')" ] || fail "a file was left behind: $(ls -A "$WORK")"
finish_prog
pass "5000 queued signals refused with a reason; the process ran on with them"
