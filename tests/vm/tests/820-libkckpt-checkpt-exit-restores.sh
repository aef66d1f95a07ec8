# checkpt_fd(fd, CHECKPT_EXIT): the process is gone once the image is
# written (killed, as SIGCKPTEXIT does) and only a restore returns from
# the call, with the resume code.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
API="$KCKPT_PROGS/libkckpt_api"
cd "$WORK" || fail "no $WORK"
"$API" exit "$WORK/x.ckpt" 1 >"$WORK/x.out" 2>&1
rc=$?
cat "$WORK/x.out"
[ $rc -eq 137 ] || fail "the process did not die by SIGKILL after the image (exit status $rc)"
grep -q . "$WORK/x.out" && fail "checkpt_fd(CHECKPT_EXIT) returned in the original process"
[ -s "$WORK/x.ckpt" ] || fail "no image"
"$CHECKPT" verify "$WORK/x.ckpt" >/dev/null || fail "checkpt verify refuses the image"
"$CHECKPT" -r "$WORK/x.ckpt"
rc=$?
cat "$WORK/x.out"
[ $rc -eq 0 ] || fail "checkpt -r exited $rc"
grep -qx 'RESUMED 1' "$WORK/x.out" || fail "the restored process did not see resume code 1"
grep -q '^PASS' "$WORK/x.out" || fail "the restored process did not pass"
pass "CHECKPT_EXIT: killed after the image, restored with resume code 1"
