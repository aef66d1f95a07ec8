# checkpt -r --same-pid (root): the restored process has the pid it had,
# as a child of checkpt that mirrors it (exit status passed on); a second
# restore while that pid is taken is refused with exit 5 and says so; an
# unprivileged user cannot ask for it.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog mem_patterns "$WORK"
old_pid=$PROG_PID
kill_checkpoint "$PROG_PID" "$WORK/img"

"$CHECKPT" -r "$WORK/img" --same-pid &
PROG_JOB=$!
PROG_PID=$old_pid
# the pid comes back only once checkpt -r has checked the image
for i in $(seq 1 600); do
	[ -e "/proc/$PROG_PID" ] && break
	kill -0 "$PROG_JOB" 2>/dev/null || fail "checkpt -r --same-pid exited before pid $PROG_PID came back"
	sleep 0.1
done
wait_restored "$PROG_PID" mem_patterns "$WORK/img"
[ "$(awk '{print $4}' "/proc/$PROG_PID/stat")" = "$PROG_JOB" ] ||
	fail "pid $PROG_PID is not the child of checkpt -r ($PROG_JOB)"

out=$("$CHECKPT" -r "$WORK/img" --same-pid 2>&1 </dev/null)
rc=$?
echo "second restore: exit $rc: $out"
[ $rc -eq 5 ] || fail "a restore onto a pid in use exited $rc, expected 5"
echo "$out" | grep -q "pid $old_pid is in use" || fail "the refusal does not say the pid is in use"

finish_prog	# the program passes, and checkpt -r exits as it did
chmod 0644 "$WORK/img"
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups -- \
	"$KCKPT_ROOT/build/bin/kckpt-restore" --pid "$old_pid" "$WORK/img" 2>&1 </dev/null)
rc=$?
echo "unprivileged: exit $rc: $out"
[ $rc -eq 5 ] && echo "$out" | grep -q "CAP_CHECKPOINT_RESTORE" ||
	fail "an unprivileged --pid was not refused for want of CAP_CHECKPOINT_RESTORE"
pass "restored under its own pid $old_pid; a taken pid and an unprivileged user are refused"
