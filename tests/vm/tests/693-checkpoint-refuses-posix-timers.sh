# POSIX timers (timer_create) are not saved: a checkpoint of a process
# that has one is refused with a reason naming them, no file is left
# behind, and the target runs on with its timer armed.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog unsupported_target posix-timer
checkpoint_refused posix-timer "POSIX timer"
pass "a target with a POSIX timer refused with a reason; it ran on, timer armed"
