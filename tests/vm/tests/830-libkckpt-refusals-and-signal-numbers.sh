# Without the module checkpt() fails with ENOSYS (no callback runs, no
# file) and the signal numbers are the defaults; with it they are the
# module's parameters; a second thread gives EOPNOTSUPP with the kernel's
# reason and no file; bad flags give EINVAL.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
API="$KCKPT_PROGS/libkckpt_api"
cd "$WORK" || fail "no $WORK"
unload_kckpt
"$API" nomodule "$WORK/n.ckpt" >"$WORK/n.out" 2>&1
cat "$WORK/n.out"
grep -q '^PASS' "$WORK/n.out" || fail "the no-module case did not pass"

fresh_kckpt
want="63 64"
p=/sys/module/kckpt/parameters
if [ -r $p/sigckpt ] && [ -r $p/sigckptexit ]; then
	want="$(cat $p/sigckpt) $(cat $p/sigckptexit)"
	echo 45 >$p/sigckpt && echo 46 >$p/sigckptexit ||
		fail "cannot set the signal parameters"
	got=$("$API" signals)
	echo "$got (after setting 45 46)"
	[ "$got" = "SIGNALS 45 46" ] || fail "kckpt_sigckpt() does not follow the parameters"
	echo "${want% *}" >$p/sigckpt && echo "${want#* }" >$p/sigckptexit
else
	echo "no signal parameters in this module: expecting the defaults"
fi
got=$("$API" signals)
echo "$got"
[ "$got" = "SIGNALS $want" ] || fail "kckpt_sigckpt()/kckpt_sigckptexit() said '$got', want '$want'"

for mode in thread flags; do
	"$API" $mode "$WORK/$mode.ckpt" >"$WORK/$mode.out" 2>&1
	cat "$WORK/$mode.out"
	grep -q '^PASS' "$WORK/$mode.out" || fail "the $mode case did not pass"
done
pass "ENOSYS without the module, signal numbers, EOPNOTSUPP for threads, EINVAL for bad flags"
