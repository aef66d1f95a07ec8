# insmod kckpt.ko succeeds and /dev/kckpt appears, usable by everyone.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
[ -c /dev/kckpt ] || fail "/dev/kckpt is not a character device"
mode=$(stat -c %a /dev/kckpt)
[ "$mode" = 666 ] || fail "/dev/kckpt has mode $mode, expected 666"
dmesg | grep -q "kckpt: version $(cat "$KCKPT_ROOT/VERSION") loaded" ||
	fail "no load message in the kernel log"
pass "insmod creates /dev/kckpt (mode 666)"
