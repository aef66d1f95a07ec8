# shellcheck shell=bash
# Judges one guest run: its test results, whether it finished, and whether
# the kernel log stayed clean. Sourced by run.sh; adds to PASSED/FAILED,
# and to SKIPPED for a test that could not run here (never a pass).

# What must never appear in a guest's kernel log.
KCKPT_SPLATS='WARNING:|BUG:|Oops|general protection|KASAN|UBSAN|possible circular locking|possible recursive locking|lockdep|inconsistent lock state|Call Trace:|Kernel panic|kernel BUG'

count_result() {
	case "$1" in
	PASS) PASSED=$((PASSED + 1)) ;;
	SKIP) SKIPPED=$((SKIPPED + 1)) ;;
	*) FAILED=$((FAILED + 1)) ;;
	esac
}

# judge_kernel RELEASE OUTDIR TIMEOUT
judge_kernel() {
	local rel=$1 out=$2 limit=$3 line
	if [ -f "$out/results.txt" ]; then
		while read -r line; do
			echo "  $line"
			count_result "${line%% *}"
		done <"$out/results.txt"
	fi
	if [ -f "$out/finished" ]; then
		count_result PASS
		echo "  PASS guest-finished"
	elif [ -f "$out/early-exit" ]; then
		count_result FAIL
		echo "  FAIL guest-finished: $(cat "$out/early-exit")"
	elif grep -q 'KCKPT-VM: job exited with' "$out/console.log" 2>/dev/null; then
		count_result FAIL
		echo "  FAIL guest-finished: the guest job exited early ($(grep -o 'job exited with [0-9]*' "$out/console.log" | tail -n 1)); its console:"
		tail -n 40 "$out/console.log" | sed 's/^/    | /'
	else
		count_result FAIL
		echo "  FAIL guest-finished: the guest did not finish within ${limit}s (see $out/console.log)"
		tail -n 40 "$out/console.log" | sed 's/^/    | /'
	fi
	# dmesg whole, and the kernel's own (timestamped) lines of the console;
	# "traps: prog[pid] general protection ..." reports a user process's
	# fault (the hostile-image tests cause those), not the kernel's; a
	# lockdep kernel (the debug kernel) says at boot that it checks RCU
	if { cat "$out/dmesg.txt"; grep -E '^\[ *[0-9]+\.[0-9]+\]' "$out/console.log"; } 2>/dev/null |
		grep -Ev '\] traps: [^ ]+\[[0-9]+\] |\] rcu:[[:space:]]+RCU lockdep checking is enabled\.$' |
		grep -E "$KCKPT_SPLATS" >"$out/splats.txt"; then
		count_result FAIL
		echo "  FAIL kernel-log-clean: the kernel log of $rel shows:"
		head -n 40 "$out/splats.txt" | sed 's/^/    | /'
	else
		count_result PASS
		echo "  PASS kernel-log-clean"
	fi
	judge_kmemleak "$out"
}

# judge_kmemleak OUTDIR: on kernels with kmemleak (guest/run-tests.sh left
# OUTDIR/kmemleak/), a suspect whose backtrace names kckpt, or has a frame
# kallsyms cannot name (everything else is built in: the code of a kckpt
# module unloaded since), fails the run; the kernel's own are listed only.
judge_kmemleak() {
	local out=$1 f n ours=0 others=0
	[ -d "$out/kmemleak" ] || return 0
	: >"$out/kmemleak-kckpt.txt"
	for f in "$out"/kmemleak/*.txt; do
		[ -f "$f" ] || continue
		# one record per "unreferenced object" paragraph
		n=$(awk -v after="$(basename "$f" .txt)" -v mine="$out/kmemleak-kckpt.txt" '
			function flush() {
				if (rec == "") return
				if (rec ~ /kckpt/ || rec ~ /\] 0x[0-9a-f]+\n/) {
					print "after " after ":\n" rec >>mine; o++
				} else t++
				rec = ""
			}
			/^unreferenced object/ { flush() }
			{ rec = rec $0 "\n" }
			END { flush(); print o + 0, t + 0 }' "$f")
		ours=$((ours + ${n% *})) others=$((others + ${n#* }))
	done
	if [ "$ours" -gt 0 ]; then
		count_result FAIL
		echo "  FAIL kmemleak-clean: $ours suspected leak(s) from kckpt (all in $out/kmemleak-kckpt.txt):"
		head -n 60 "$out/kmemleak-kckpt.txt" | sed 's/^/    | /'
	elif [ ! -f "$out/kmemleak/scanned" ]; then
		count_result FAIL
		echo "  FAIL kmemleak-clean: the guest did not reach its final kmemleak scan"
	else
		count_result PASS
		echo "  PASS kmemleak-clean"
	fi
	[ "$others" -eq 0 ] ||
		echo "  note: kmemleak suspects $others object(s) of the kernel's own, not counted (see $out/kmemleak/)"
	return 0
}
