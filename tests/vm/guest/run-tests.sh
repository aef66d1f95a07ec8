#!/usr/bin/env bash
# Runs every guest test (tests/vm/tests/*.sh, in name order; only those
# matching the glob KCKPT_VM_TESTS when set, e.g. '7[09]?-*') and records
# "PASS name", "FAIL name: reason" or "SKIP name: reason" in
# $KCKPT_OUT/results.txt. A test that exits 0 with SKIP as its last
# verdict line is skipped, never passed.
set -u
: "${KCKPT_ROOT:?}" "${KCKPT_OUT:?}"
results="$KCKPT_OUT/results.txt"
: >"$results"
: >"$KCKPT_OUT/times.txt"	# seconds per test
echo "KCKPT-VM: kernel $(uname -r), $(nproc) cpus"

# Kernels with kmemleak (the debug kernel): a scan after every test, its
# suspects kept in $KCKPT_OUT/kmemleak/NAME.txt and then cleared, so each
# is reported once, after the test that leaked it (or the next one: objects
# younger than 5 s are not reported yet) and, mostly, with kckpt.ko still
# loaded to name its functions. lib/verdict.sh judges them.
kmemleak=/sys/kernel/debug/kmemleak
[ -e $kmemleak ] || mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
[ -w $kmemleak ] || kmemleak=
kmemleak_scan() {
	local f="$KCKPT_OUT/kmemleak/$1.txt" t0=$SECONDS
	[ -n "$kmemleak" ] || return 0
	echo scan >$kmemleak && cat $kmemleak >"$f" && echo clear >$kmemleak
	echo "KCKPT-VM: kmemleak scan after $1: $((SECONDS - t0))s, $(grep -c '^unreferenced object' "$f") suspect(s)"
	[ -s "$f" ] || rm -f "$f"
}
if [ -n "$kmemleak" ]; then
	mkdir -p "$KCKPT_OUT/kmemleak"
	kmemleak_scan boot	# what booting left, before any test
fi
for t in "$KCKPT_ROOT"/tests/vm/tests/${KCKPT_VM_TESTS:-*}.sh; do
	name=$(basename "$t" .sh)
	log="$KCKPT_OUT/$name.log"
	start=$(date +%s)
	timeout -k 5 "${KCKPT_TEST_TIMEOUT:-600}" bash "$t" >"$log" 2>&1
	rc=$?
	echo "$name $(($(date +%s) - start))" >>"$KCKPT_OUT/times.txt"
	sed "s/^/[$name] /" "$log"
	verdict=$(grep -E '^(PASS|FAIL|SKIP)' "$log" | tail -n 1)
	if [ $rc -eq 0 ] && [ "${verdict%%:*}" = SKIP ]; then
		echo "SKIP $name: ${verdict#SKIP: }" >>"$results"
	elif [ $rc -eq 0 ] && grep -q '^PASS' "$log"; then
		echo "PASS $name" >>"$results"
	else
		why=$(grep '^FAIL' "$log" | tail -n 1)
		[ $rc -eq 124 ] && why="timed out"
		echo "FAIL $name: ${why:-exit status $rc}" >>"$results"
	fi
	kmemleak_scan "$name"
done
if [ -n "$kmemleak" ]; then
	# the last test's objects reach kmemleak's minimum age (5 s)
	sleep 6
	kmemleak_scan end
	touch "$KCKPT_OUT/kmemleak/scanned"
fi
