# The examples `make` compiles (syscall-shim/examples/ckpt_server.c, the C
# example of README.md and of checkpt.3) checkpoint themselves and run on:
# the server closes its socket for the checkpoint and serves on after it.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
EX="$KCKPT_ROOT/build/examples"
SIGCKPT=$(cat /sys/module/kckpt/parameters/sigckpt 2>/dev/null || echo 63)
ip link set lo up || fail "cannot bring lo up"
cd "$WORK" || fail "no $WORK"

"$EX/ckpt_server" 7070 "$WORK/server.ckpt" >"$WORK/server.out" 2>&1 &
srv=$!
wait_line "$WORK/server.out" '^listening on'
[ "$(hello 7070)" = "hello, client 1" ] || fail "the server did not greet client 1"
kill -n "$SIGCKPT" $srv
wait_line "$WORK/server.out" '^checkpointed to'
[ -s "$WORK/server.ckpt" ] || fail "no server image"
[ "$(hello 7070)" = "hello, client 2" ] || fail "the server does not serve on after the checkpoint"
kill $srv
wait $srv 2>/dev/null
cat "$WORK/server.out"

"$EX/readme_example" >"$WORK/readme.out" 2>&1 || { cat "$WORK/readme.out"; fail "README example failed"; }
cat "$WORK/readme.out"
grep -q '^checkpointed' "$WORK/readme.out" && [ -s "$WORK/hello.ckpt" ] ||
	fail "the README example did not checkpoint"

"$EX/man_example" >"$WORK/man.out" 2>&1 &
job=$!
wait_line "$WORK/man.out" '^1$'
kill -n "$SIGCKPT" $job
wait_line "$WORK/man.out" '^checkpointing to counter.ckpt'
n=$(tail -n 1 "$WORK/man.out")
counted_past() { [ "$(tail -n 1 "$WORK/man.out")" -gt "$n" ] 2>/dev/null; }
wait_until 30 "the man page example stopped counting after its checkpoint" counted_past
kill $job
wait $job 2>/dev/null
[ -s "$WORK/counter.ckpt" ] || fail "the man page example wrote no image"
pass "ckpt_server, the README and the man page examples checkpoint themselves and run on"
