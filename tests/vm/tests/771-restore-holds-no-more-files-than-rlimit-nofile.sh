# A restore session holds one open file per file mapping of the image until
# FINISH; it may hold no more than the restorer could open itself: under
# an RLIMIT_NOFILE below that count the restore is refused and says so
# (nothing started), and with the usual limit the same image restores.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog mem_patterns "$WORK"
files=$(awk '$6 ~ /^\// {n++} END {print n + 0}' "/proc/$PROG_PID/maps")
echo "mem_patterns has $files file mappings"
[ "$files" -gt 8 ] || fail "expected more than 8 file mappings, found $files"
kill_checkpoint "$PROG_PID" "$WORK/img"
expect_refusal RLIMIT_NOFILE sh -c 'ulimit -n 8 && exec "$1" "$2"' sh \
	"$KCKPT_ROOT/build/bin/kckpt-restore" "$WORK/img"
restore_prog "$WORK/img" mem_patterns
finish_prog
pass "a session holds no more mapped files than RLIMIT_NOFILE"
