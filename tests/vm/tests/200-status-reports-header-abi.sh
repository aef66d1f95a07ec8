# `checkpt status` talks to the module: the ABI version the header declares,
# the module version of VERSION and the running kernel.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
out=$("$CHECKPT" status 2>&1); rc=$?
echo "$out"
[ $rc -eq 0 ] || fail "checkpt status exited $rc"
abi=$(header_define KCKPT_ABI_VERSION)
echo "$out" | grep -Eq "^ABI version: +$abi( |$)" || fail "ABI version is not $abi"
echo "$out" | grep -Eq "^module: +$(cat "$KCKPT_ROOT/VERSION")$" || fail "module version differs from VERSION"
echo "$out" | grep -Fq "$(uname -r)" || fail "kernel release $(uname -r) not shown"
pass "status reports ABI $abi, module $(cat "$KCKPT_ROOT/VERSION"), kernel $(uname -r)"
