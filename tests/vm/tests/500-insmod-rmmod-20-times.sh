# Loading and unloading 20 times in a row works every time.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
unload_kckpt
for i in $(seq 1 20); do
	insmod "$KCKPT_KO" || fail "insmod #$i failed"
	[ -c /dev/kckpt ] || fail "no /dev/kckpt after insmod #$i"
	rmmod kckpt || fail "rmmod #$i failed"
done
pass "20 insmod/rmmod cycles"
