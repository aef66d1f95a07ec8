# checkpt -s (KCKPT_IOC_REQUEST) does what the target's disposition of
# SIGCKPT says, as DragonFly's "send SIGCKPT": a handler gets the signal
# once; SIG_DFL writes <comm>.ckpt (0600) in the target's cwd and lets it
# run on (the image verifies and restores; a second request replaces it);
# SIG_IGN: nothing. --exit looks at SIGCKPTEXIT (SIG_DFL: image, then the
# process is gone). An existing file of another user is never replaced,
# and the refusal leaves nothing behind and the kernel log clean.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
SIG=$(cat /sys/module/kckpt/parameters/sigckpt)
SIGEXIT=$(cat /sys/module/kckpt/parameters/sigckptexit)
[ "$SIG" = "$(header_define KCKPT_SIGCKPT_DEFAULT)" ] || fail "sigckpt is $SIG, not the header's default"
[ "$SIGEXIT" = "$(header_define KCKPT_SIGCKPTEXIT_DEFAULT)" ] || fail "sigckptexit is $SIGEXIT, not the header's default"
IMAGE=sigckpt_target.ckpt
KLOG_START=$(dmesg | wc -l)

# start_target MODE [DIR]: sigckpt_target MODE with DIR (default
# $WORK/MODE) as its cwd; sets DIR.
start_target() {
	DIR=${2:-$WORK/$1}
	mkdir -p "$DIR"
	PROG_OUT="$DIR.out"
	(cd "$DIR" && exec "$KCKPT_PROGS/sigckpt_target" "$1") >"$PROG_OUT" 2>&1 &
	PROG_JOB=$!
	wait_ready
}

# request ARGS...: checkpt -s ARGS; sets OUT (stdout and stderr) and RC.
# It must return, and the kernel log must stay clean.
request() {
	local splats
	OUT=$(timeout -k 5 60 "$CHECKPT" -s "$@" 2>&1)
	RC=$?
	echo "checkpt -s $*: exit $RC: $OUT"
	splats=$(dmesg | tail -n +"$((KLOG_START + 1))" | grep -E 'WARNING|BUG|Oops|general protection')
	[ -z "$splats" ] || fail "the kernel log shows, after checkpt -s $*: $splats"
	[ $RC -ne 124 ] && [ $RC -ne 137 ] || fail "checkpt -s $* did not return within 60 s"
}

# only_in_dir [NAME]: the target's directory holds NAME and nothing else.
only_in_dir() {
	local found
	found=$(ls -A "$DIR" | tr '\n' ' ')
	[ "$found" = "${1:+$1 }" ] || fail "$DIR holds '$found', expected '${1:-}'"
}

# wait_handler: until the target's handler has written its line.
wait_handler() { wait_line "$PROG_OUT" "^SIGCKPT $SIG"; }

echo "== handler"
start_target handler
request "$PROG_PID"
[ $RC -eq 0 ] || fail "request of a process with a handler exited $RC"
case $OUT in *"has a SIGCKPT handler: sent it signal $SIG") ;; *) fail "unexpected output: $OUT" ;; esac
wait_handler
only_in_dir
finish_prog

echo "== ignore"
start_target ignore
request "$PROG_PID"
[ $RC -eq 0 ] || fail "request of a process that ignores SIGCKPT exited $RC"
case $OUT in *"ignores SIGCKPT: nothing done") ;; *) fail "unexpected output: $OUT" ;; esac
# the request returned after the target decided: nothing can come later
only_in_dir
finish_prog

echo "== default"
start_target default
for round in first second; do
	request "$PROG_PID"
	[ $RC -eq 0 ] || fail "$round request of a process with SIG_DFL exited $RC"
	case $OUT in *"checkpointed itself to $DIR/$IMAGE ("*" MiB)") ;; *) fail "unexpected output: $OUT" ;; esac
	only_in_dir "$IMAGE"
	[ "$(stat -c '%a %u' "$DIR/$IMAGE")" = "600 0" ] ||
		fail "image mode and owner: $(stat -c '%a %u' "$DIR/$IMAGE"), expected 600 0"
	"$CHECKPT" verify "$DIR/$IMAGE" || fail "the $round requested image does not verify"
	[ "$(proc_state "$PROG_PID")" = S ] || fail "the target is not sleeping after its checkpoint: $(proc_state "$PROG_PID")"
done
finish_prog

echo "== restore of the requested image"
# the restored process writes at its saved offset of the same file: empty
# it (same inode), and read it without the hole that leaves
: >"$PROG_OUT"
restore_prog "$DIR/$IMAGE" sigckpt_target
kill -USR1 "$PROG_PID"
wait "$PROG_JOB"
tr -d '\0\r' <"$PROG_OUT"
tr -d '\0\r' <"$PROG_OUT" | grep -q '^PASS' || fail "the restored target did not pass"

echo "== --exit: SIGCKPTEXIT at SIG_DFL (SIGCKPT has a handler)"
start_target handler "$WORK/exit"
request "$PROG_PID" --exit
[ $RC -eq 0 ] || fail "checkpt -s --exit exited $RC"
case $OUT in *"checkpointed itself to $DIR/$IMAGE ("*" MiB) and exited") ;; *) fail "unexpected output: $OUT" ;; esac
wait "$PROG_JOB"
rc=$?
[ $rc -eq 137 ] || fail "after --exit the target exited with $rc, expected 137 (SIGKILL)"
grep -q '^SIGCKPT' "$PROG_OUT" && fail "--exit ran the SIGCKPT handler"
only_in_dir "$IMAGE"
[ "$(stat -c %a "$DIR/$IMAGE")" = 600 ] || fail "image mode $(stat -c %a "$DIR/$IMAGE"), expected 600"
"$CHECKPT" verify "$DIR/$IMAGE" || fail "the --exit image does not verify"
restore_prog "$DIR/$IMAGE" sigckpt_target
# the restored process kept its handler: it runs once, and the program passes
kill -n "$SIG" "$PROG_PID"
wait_handler
finish_prog

echo "== refusal: $IMAGE exists and belongs to another user"
start_target default "$WORK/refusal"
echo "another user's file" >"$DIR/$IMAGE"
chown 65534:65534 "$DIR/$IMAGE"
request "$PROG_PID"
[ $RC -ne 0 ] || fail "the request replaced another user's $IMAGE"
[ $RC -eq 8 ] || fail "the refused request exited $RC, expected 8"
case $OUT in *"belongs to another user"*) ;; *) fail "the refusal does not say why: $OUT" ;; esac
[ "$(cat "$DIR/$IMAGE")" = "another user's file" ] || fail "another user's $IMAGE was changed"
[ "$(stat -c %u "$DIR/$IMAGE")" = 65534 ] || fail "another user's $IMAGE changed owner"
only_in_dir "$IMAGE"
finish_prog

pass "handler signalled once, SIG_DFL checkpointed to $IMAGE and ran on (restored), SIG_IGN untouched, --exit exited (restored), another user's file kept"
