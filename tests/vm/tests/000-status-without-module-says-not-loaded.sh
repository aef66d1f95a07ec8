# `checkpt status` with no module: a plain message and exit code 3.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
unload_kckpt
[ ! -e /dev/kckpt ] || fail "/dev/kckpt exists without the module"
out=$("$CHECKPT" status 2>&1); rc=$?
echo "$out"
[ $rc -eq 3 ] || fail "exit code $rc, expected 3"
echo "$out" | grep -q "not loaded" || fail "message does not say the module is not loaded"
echo "$out" | grep -q "modprobe kckpt" || fail "message does not say how to load it"
pass "status without the module says so and exits 3"
