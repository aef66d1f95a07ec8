# A restore session is bound to the task that began it: a child holding
# the inherited /dev/kckpt descriptor gets EPERM from NOTE and FINISH, so
# it can neither read the image's notes nor become the image; the task
# that began the session goes on.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
"$KCKPT_PROGS/self_resume" "$WORK/img" 42 >"$WORK/self_resume.out" 2>&1 ||
	fail "cannot make the seed image"
"$KCKPT_PROGS/session_owner" "$WORK/img" || fail "session_owner failed"
pass "a restore session belongs to the task that began it"
