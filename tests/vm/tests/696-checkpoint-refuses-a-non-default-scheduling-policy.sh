# A restored process gets the restorer's scheduling policy: a checkpoint
# of a process under another policy than SCHED_OTHER (here SCHED_BATCH and
# SCHED_IDLE) is refused with a reason naming the policy, no file is left
# behind, and the target runs on under its policy.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog unsupported_target sched-batch
checkpoint_refused sched-batch SCHED_BATCH
start_prog unsupported_target sched-idle
checkpoint_refused sched-idle SCHED_IDLE
pass "SCHED_BATCH and SCHED_IDLE refused with a reason; the targets ran on"
