# A checkpoint request (KCKPT_IOC_REQUEST, as checkpt -s sends it) follows
# the target's disposition of SIGCKPT: a handler gets the signal and the
# program checkpoints itself with checkpt(); SIG_DFL: the module writes
# <comm>.ckpt in the target's cwd, the target keeps running and the image
# restores; SIG_IGN: nothing happens. SIGCKPTEXIT's SIG_DFL: image, exit.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
REQ="$KCKPT_PROGS/libkckpt_request"
COMM=libkckpt_sigtar	# the program's name as the kernel keeps it (15 chars)

# request PID [exit]: the driver's ACTION line on stdout
request() {
	local out
	out=$("$REQ" "$@") || fail "request $*: $out"
	echo "request $*: $out" >&2
	echo "$out"
}

# SIG_IGN: nothing
mkdir "$WORK/ign" && cd "$WORK/ign" || fail "no $WORK/ign"
start_prog libkckpt_sigtarget ignore
[ "$(request "$PROG_PID")" = "ACTION ignored" ] || fail "SIG_IGN: not ignored"
# the request returned after the target decided: nothing can come later
[ -z "$(ls -A "$WORK/ign" | grep -v '\.out$')" ] || fail "SIG_IGN: files appeared: $(ls -A "$WORK/ign")"
finish_prog

# SIG_DFL: <comm>.ckpt in its cwd, it runs on, the image restores
mkdir "$WORK/dfl" && cd "$WORK/dfl" || fail "no $WORK/dfl"
start_prog libkckpt_sigtarget default
got=$(request "$PROG_PID")
img="$WORK/dfl/$COMM.ckpt"
[ "$got" = "ACTION checkpointed $img" ] || fail "SIG_DFL: '$got', want 'ACTION checkpointed $img'"
[ -s "$img" ] || fail "SIG_DFL: no image at $img"
[ "$(stat -c %a "$img")" = 600 ] || fail "SIG_DFL: the image is not 0600"
kill -0 "$PROG_PID" 2>/dev/null || fail "SIG_DFL: the target did not keep running"
finish_prog
: >"$PROG_OUT"
restore_prog "$img" "$COMM"
finish_prog

# SIGCKPTEXIT, SIG_DFL: the image, then the process is gone
mkdir "$WORK/ex" && cd "$WORK/ex" || fail "no $WORK/ex"
start_prog libkckpt_sigtarget default
got=$(request "$PROG_PID" exit)
img="$WORK/ex/$COMM.ckpt"
[ "$got" = "ACTION checkpointed $img" ] || fail "SIGCKPTEXIT: '$got'"
wait "$PROG_JOB"
rc=$?
[ $rc -ne 0 ] || fail "SIGCKPTEXIT: the target exited normally"
kill -0 "$PROG_PID" 2>/dev/null && fail "SIGCKPTEXIT: the target still runs"
: >"$PROG_OUT"
restore_prog "$img" "$COMM"
finish_prog

# a handler: the program gets SIGCKPT and calls checkpt() itself
mkdir "$WORK/hnd" && cd "$WORK/hnd" || fail "no $WORK/hnd"
start_prog libkckpt_sigtarget handler "$WORK/hnd/h.ckpt"
[ "$(request "$PROG_PID")" = "ACTION signalled" ] || fail "handler: not signalled"
wait_line "$PROG_OUT" '^CHECKPOINTED$'
[ -s "$WORK/hnd/h.ckpt" ] || fail "handler: no image"
[ ! -e "$WORK/hnd/$COMM.ckpt" ] || fail "handler: the module wrote the default file too"
finish_prog
pass "SIG_IGN: nothing; SIG_DFL: $COMM.ckpt written, running on, restored; SIGCKPTEXIT: written, exited, restored; handler: checkpt() by the program"
