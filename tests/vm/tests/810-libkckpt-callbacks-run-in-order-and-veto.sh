# kckpt_atcheckpoint callbacks run in registration order before the image
# is written, kckpt_atrestore ones in reverse order after a restore; a
# callback returning non-zero makes checkpt() fail with ECANCELED and
# leaves no file.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
API="$KCKPT_PROGS/libkckpt_api"
cd "$WORK" || fail "no $WORK"
"$API" veto "$WORK/v.ckpt" >"$WORK/v.out" 2>&1
cat "$WORK/v.out"
grep -q '^PASS' "$WORK/v.out" || fail "the veto case did not pass"
ls -A "$WORK" | grep -q 'v\.ckpt' && fail "a vetoed checkpoint left a file: $(ls -A "$WORK")"

"$API" fd "$WORK/o.ckpt" 1 >"$WORK/o.out" 2>&1
grep -qx CHECKPOINTED "$WORK/o.out" || { cat "$WORK/o.out"; fail "checkpt_fd() did not return 0"; }
: >"$WORK/o.out"
"$CHECKPT" -r "$WORK/o.ckpt"
rc=$?
cat "$WORK/o.out"
[ $rc -eq 0 ] || fail "checkpt -r exited $rc"
grep -qx 'CALLBACKS c1 c2 c3 r3 r2 r1 ' "$WORK/o.out" ||
	fail "callbacks did not run as c1 c2 c3, then r3 r2 r1 after the restore"
grep -q '^PASS' "$WORK/o.out" || fail "the restored process did not pass"
pass "atcheckpoint in order, atrestore in reverse order, a veto gives ECANCELED and no file"
