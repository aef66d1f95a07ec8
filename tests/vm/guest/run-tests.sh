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
done
