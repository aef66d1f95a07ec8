# A process whose memory another process shares (clone(CLONE_VM) without
# a thread group; a vfork parent is the same) is refused with a reason
# naming the other process: it could write while the image is written
# (the restore would then fail its checksum after the point of no return),
# and the restored process would share with no one. No file is left; both
# run on.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog vm_sharer
child=$(awk '/^CHILD/ {print $2; exit}' "$PROG_OUT")
out=$("$CHECKPT" -c "$PROG_PID" -o "$WORK/shared.img" 2>&1)
rc=$?
echo "exit $rc: $out"
[ $rc -ne 0 ] || fail "a process sharing its memory with $child was checkpointed"
echo "$out" | grep -q "shares its memory with process $child" ||
	fail "the reason does not name the sharing process $child"
[ -z "$(ls -A "$WORK" | grep -E '\.img|\.tmp')" ] || fail "a file was left behind: $(ls -A "$WORK")"
finish_prog
pass "memory shared with another process refused, naming it"
