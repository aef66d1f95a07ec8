# What cannot be checkpointed yet is refused with a reason naming it, no
# image (or temporary file) is left behind, and the target runs on.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
echo 4 >/proc/sys/vm/nr_hugepages
for case in threads:multi-threaded socket:socket pipe:pipe eventfd:eventfd \
	    epoll:eventpoll hugetlb:hugetlb pfnmap:VM_IO userfaultfd:userfaultfd \
	    io_uring:io_uring memfd:deleted traced:traced; do
	mode=${case%%:*} word=${case#*:}
	start_prog refusal_target "$mode"
	out=$("$CHECKPT" -c "$PROG_PID" -o "$WORK/$mode.img" 2>&1)
	rc=$?
	echo "$mode: exit $rc: $out"
	[ $rc -ne 0 ] || fail "$mode: the checkpoint was not refused"
	echo "$out" | grep -q -- "$word" || fail "$mode: the reason does not mention '$word'"
	[ -z "$(ls -A "$WORK" | grep -E '\.img|\.tmp')" ] || fail "$mode: a file was left behind: $(ls -A "$WORK")"
	finish_prog
done
start_prog sleeper
kill -STOP "$PROG_PID"
out=$("$CHECKPT" -c "$PROG_PID" -o "$WORK/stopped.img" 2>&1)
rc=$?
echo "stopped: exit $rc: $out"
[ $rc -ne 0 ] && echo "$out" | grep -q stopped || fail "a stopped target was not refused as stopped"
kill -CONT "$PROG_PID"
finish_prog
pass "12 kinds of refusal, each with its reason, targets untouched"
