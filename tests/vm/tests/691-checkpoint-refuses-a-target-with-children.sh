# A restored process has no children (waitpid would find none, its
# children would be orphans): a checkpoint of a process with a child is
# refused with a reason naming the children, no file is left behind, and
# the target runs on with its child.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog unsupported_target child
checkpoint_refused child "child process"
pass "a target with a child refused with a reason; it ran on with its child"
