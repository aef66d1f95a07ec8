# Images written by checkpt(path) restore: the call returns 1 (or
# --resume-code 7), callbacks run, the examples come back (the server
# reopens its socket in its atrestore callback and counts on), and a
# program that checkpointed itself from its SIGCKPT handler resumes.
# Needs the kernel to leave the image file out of a self-checkpoint's fds
# (its temporary name is gone by the time of a restore).
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
API="$KCKPT_PROGS/libkckpt_api"
EX="$KCKPT_ROOT/build/examples"
SIGCKPT=$(cat /sys/module/kckpt/parameters/sigckpt 2>/dev/null || echo 63)
ip link set lo up || fail "cannot bring lo up"
cd "$WORK" || fail "no $WORK"

# restore_bg IMAGE COMM: checkpt -r in the background (sets RJOB)
restore_bg() {
	"$CHECKPT" -r "$1" &
	RJOB=$!
	wait_restored "$RJOB" "$2" "$1"
}

for code in 1 7; do
	"$API" path "$WORK/p$code.ckpt" $code >"$WORK/p.out" 2>&1
	grep -qx CHECKPOINTED "$WORK/p.out" || { cat "$WORK/p.out"; fail "checkpt() did not return 0"; }
	: >"$WORK/p.out"
	args=()
	[ $code = 7 ] && args=(--resume-code 7)
	"$CHECKPT" -r "$WORK/p$code.ckpt" "${args[@]}"
	rc=$?
	cat "$WORK/p.out"
	[ $rc -eq 0 ] || fail "checkpt -r p$code.ckpt exited $rc"
	grep -qx "RESUMED $code" "$WORK/p.out" || fail "checkpt() did not return $code after restore"
	grep -qx 'CALLBACKS c1 c2 c3 r3 r2 r1 ' "$WORK/p.out" || fail "callbacks out of order"
	grep -q '^PASS' "$WORK/p.out" || fail "the restored process did not pass"
done

"$EX/readme_example" >"$WORK/readme.out" 2>&1 || fail "README example failed"
: >"$WORK/readme.out"
"$CHECKPT" -r "$WORK/hello.ckpt" || fail "restoring the README example failed"
cat "$WORK/readme.out"
grep -qx 'restored (resume code 1)' "$WORK/readme.out" || fail "the README example did not say restored"

"$EX/ckpt_server" 7071 "$WORK/server.ckpt" >>"$WORK/server.out" 2>&1 &
srv=$!
wait_line "$WORK/server.out" '^listening on'
[ "$(hello 7071)" = "hello, client 1" ] || fail "no greeting 1"
kill -n "$SIGCKPT" $srv
wait_line "$WORK/server.out" '^checkpointed to'
kill $srv
wait $srv 2>/dev/null
restore_bg "$WORK/server.ckpt" ckpt_server
wait_line "$WORK/server.out" '^restored (resume code 1) after 1 clients'
[ "$(hello 7071)" = "hello, client 2" ] || fail "the restored server does not serve on"
kill $RJOB
wait $RJOB 2>/dev/null
cat "$WORK/server.out"

"$EX/man_example" >>"$WORK/man.out" 2>&1 &
job=$!
wait_line "$WORK/man.out" '^1$'
kill -n "$SIGCKPT" $job
wait_line "$WORK/man.out" '^checkpointing to counter.ckpt'
kill $job
wait $job 2>/dev/null
restore_bg "$WORK/counter.ckpt" man_example
wait_line "$WORK/man.out" '^restored from counter.ckpt'
kill $RJOB
wait $RJOB 2>/dev/null

mkdir "$WORK/hnd" && cd "$WORK/hnd" || fail "no $WORK/hnd"
start_prog libkckpt_sigtarget handler "$WORK/hnd/h.ckpt"
kill -n "$SIGCKPT" "$PROG_PID"
wait_line "$PROG_OUT" '^CHECKPOINTED'
finish_prog
: >"$PROG_OUT"
restore_prog "$WORK/hnd/h.ckpt" libkckpt_sigtar
wait_line "$PROG_OUT" '^RESUMED 1'
finish_prog
pass "checkpt() images restore: resume codes 1 and 7, callbacks, README/man examples, server, handler"
