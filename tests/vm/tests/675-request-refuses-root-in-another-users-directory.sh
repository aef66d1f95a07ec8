# A checkpoint request (checkpt -s, the ^E path) for a process running as
# root whose cwd belongs to another user is refused with a reason, and
# nothing is written there: that user could swap root's image for one of
# their own.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
DIR=$WORK/foreign
mkdir "$DIR" && chown 65534:65534 "$DIR" || fail "cannot make $DIR"
PROG_OUT=$WORK/target.out
(cd "$DIR" && exec "$KCKPT_PROGS/sigckpt_target" default) >"$PROG_OUT" 2>&1 &
PROG_JOB=$!
wait_ready
out=$(timeout -k 5 60 "$CHECKPT" -s "$PROG_PID" 2>&1)
rc=$?
echo "checkpt -s $PROG_PID: exit $rc: $out"
[ $rc -eq 4 ] || fail "the request exited $rc, expected 4 (permission denied)"
echo "$out" | grep -q "uid 65534" || fail "the refusal does not say whose directory it is"
[ -z "$(ls -A "$DIR")" ] || fail "$DIR holds $(ls -A "$DIR")"
finish_prog
pass "root's image is not written into uid 65534's directory"
