# no_new_privs is recorded in the image and set again by kckpt-restore
# before the final ioctl: the restored process still has it.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog confined nnp
grep -q '^NoNewPrivs:[[:space:]]*1' "/proc/$PROG_PID/status" || fail "the target did not set no_new_privs"
kill_checkpoint "$PROG_PID" "$WORK/img"
restore_prog "$WORK/img" confined
grep '^NoNewPrivs' "/proc/$PROG_PID/status"
finish_prog
pass "no_new_privs restored"
