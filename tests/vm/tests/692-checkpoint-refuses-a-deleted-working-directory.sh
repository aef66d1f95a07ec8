# A restore enters the working directory by its path: one that was
# deleted cannot be entered. The checkpoint is refused with a reason
# naming the working directory, no file is left behind, and the target
# runs on in it.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog unsupported_target cwd "$WORK/gone"
checkpoint_refused cwd "working directory $WORK/gone was deleted"
pass "a target in a deleted working directory refused with a reason; it ran on"
