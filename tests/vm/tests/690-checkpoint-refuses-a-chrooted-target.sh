# A chrooted process would come back in the restorer's root: the
# checkpoint is refused with a reason naming the chroot, no file is left
# behind, and the target runs on in its chroot.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
mkdir "$WORK/jail"
start_prog confined chroot "$WORK/jail"
out=$("$CHECKPT" -c "$PROG_PID" -o "$WORK/chroot.img" 2>&1)
rc=$?
echo "chroot: exit $rc: $out"
[ $rc -ne 0 ] || fail "a chrooted process was checkpointed"
echo "$out" | grep -q chroot || fail "the reason does not name the chroot"
[ -z "$(ls -A "$WORK" | grep -E '\.img|\.tmp')" ] || fail "a file was left behind: $(ls -A "$WORK")"
finish_prog
pass "a chrooted process refused with a reason; it ran on in its chroot"
