# A process whose memory another process shares (clone(CLONE_VM) without
# a thread group; a vfork parent is the same) is refused with a reason
# naming the other process: it could write while the image is written
# (the restore would then fail its checksum after the point of no return),
# and the restored process would share with no one. No file is left; both
# run on.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog vm_sharer
child=$(awk '/^CHILD/ {print $2; exit}' "$PROG_OUT")
checkpoint_refused shared "shares its memory with process $child"
pass "memory shared with another process refused, naming it"
