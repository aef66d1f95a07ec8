# Of the interval timers only ITIMER_REAL is restored: a checkpoint of a
# process with ITIMER_VIRTUAL or ITIMER_PROF armed is refused with a
# reason naming the timer, no file is left behind, and the target runs on
# with the timer armed.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog unsupported_target itimer-virtual
checkpoint_refused itimer-virtual ITIMER_VIRTUAL
start_prog unsupported_target itimer-prof
checkpoint_refused itimer-prof ITIMER_PROF
pass "ITIMER_VIRTUAL and ITIMER_PROF refused with a reason; the targets ran on"
