# PR_SET_THP_DISABLE belongs to the process's memory and is not restored:
# a checkpoint of a process that set it is refused with a reason naming
# it, no file is left behind, and the target runs on with THP disabled.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog unsupported_target thp-disable
checkpoint_refused thp-disable PR_SET_THP_DISABLE
pass "a target with PR_SET_THP_DISABLE refused with a reason; it ran on"
