# A process under seccomp (a filter, here with no_new_privs, denying
# openat; or strict mode) cannot be given its confinement back on
# restore: a module cannot read a filter program. The checkpoint is
# refused with a reason naming seccomp, no file is left behind, and the
# target runs on under its confinement.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
for mode in seccomp strict; do
	start_prog confined "$mode"
	checkpoint_refused "$mode" seccomp
done
pass "seccomp (filter, strict) refused with a reason; the target ran on confined"
