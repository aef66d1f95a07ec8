# ^E typed on a kckpt terminal whose foreground job is a sleeping program
# writes <comm>.ckpt in the program's cwd while it keeps running; the
# image restores (checkpt -r on another kckpt terminal), and ^E works on
# the restored process too.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt_tty

# wait_file FILE: until FILE exists (the kernel renames it into place).
wait_file() { wait_until 30 "no $1 after ^E" test -s "$1"; }

run1=$WORK/run1
mkdir -p "$run1"
PROG_OUT=$WORK/fg1.out
"$KCKPT_PROGS/tty_ldisc" fg "$run1" "$KCKPT_PROGS/sleeper" >"$PROG_OUT" 2>&1 &
PROG_JOB=$!
wait_ready
helper=$PROG_JOB
# a failure must not leave the job holding the ldisc (the next test unloads)
trap 'kill -9 $PROG_PID $PROG_JOB $helper 2>/dev/null' EXIT
kill -USR2 "$helper"			# types ^E
wait_file "$run1/sleeper.ckpt"
wait_state "$PROG_PID" S
kill -USR2 "$PROG_PID"			# a ping it counts: it is alive
ls "$run1"
[ "$(ls "$run1" | wc -l)" = 1 ] || fail "more than the image in the job's cwd"
finish_prog
"$CHECKPT" info "$run1/sleeper.ckpt" >"$WORK/info.txt" || fail "checkpt info on the ^E image"
mv "$run1/sleeper.ckpt" "$WORK/first.ckpt"

PROG_OUT=$WORK/fg2.out
"$KCKPT_PROGS/tty_ldisc" fg "$WORK" "$CHECKPT" -r "$WORK/first.ckpt" >"$PROG_OUT" 2>&1 &
PROG_JOB=$!
wait_line "$PROG_OUT" '^CHILD'
PROG_PID=$(awk '/^CHILD/ {print $2; exit}' "$PROG_OUT")
wait_restored "$PROG_PID" sleeper "$WORK/first.ckpt"
kill -USR2 "$PROG_JOB"			# ^E at the restored process
wait_file "$run1/sleeper.ckpt"
wait_state "$PROG_PID" S
finish_prog
pass "^E wrote the image, the job kept running; restored, ^E works again"
