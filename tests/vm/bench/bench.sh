#!/usr/bin/env bash
# The checkpoint and restore benchmark, run inside the guest by
# tests/vm/bench/run-bench.sh (or directly:
# KCKPT_VM_MEM=6144 tests/vm/run.sh script tests/vm/bench/bench.sh).
#
# For every size N (MiB) a fresh target (bench_target N: N MiB of anonymous
# memory, every page written) is checkpointed or restored by each tool, REPS
# times; the median is reported. Prints two tables, checks the issue's
# targets (prints, never fails) and writes it all to $KCKPT_OUT/bench.txt.
#
# Checkpoint columns:
#   kckpt ioctl    KCKPT_IOC_CHECKPOINT alone (bench_ckpt's C timer around
#                  the ioctl); the target keeps running
#   checkpt CLI    'checkpt -c PID -o IMG --quiet' end to end (.NET start-up
#                  included)
#   criu dump      'criu dump -t PID -D DIR --shell-job --leave-running' end
#                  to end
#   dd             'dd if=/dev/zero bs=1M count=N conv=fsync' to the same FS
# Restore columns (the image is made first, untimed, the target killed and
# the page cache dropped: the image is read cold, as a restore the next day
# would; every restore is timed by bench_restore from starting the restorer until
# the restored process itself answers SIGUSR1 on a FIFO, and counts only
# if the process then finds every word of its N MiB intact (SIGUSR2)):
#   kckpt-restore  the static helper run directly, 'kckpt-restore IMG', on
#                  an image of the kckpt ioctl; it becomes the process
#   checkpt -r     'checkpt -r IMG --detach --pidfile F --quiet' (.NET start-
#                  up and the CLI's image validation included)
#   criu restore   'criu restore -D DIR --shell-job -d' of a 'criu dump'
#                  (which killed the target) until the process answers
#   dd read        'dd if=IMG of=/dev/null bs=1M' of the kckpt image: reading
#                  the same bytes from the same FS
#
# Adding a measurement (e.g. restore): write a function tool_NAME that sets
# T (seconds) and optionally IMG_BYTES/IMG_DU/NOTE, or sets ERR and returns
# 1; register it with `register_tool NAME "column header"`; derived columns
# (ratios) are one line each in the COLUMNS list below.
set -u
: "${KCKPT_ROOT:?}" "${KCKPT_RELEASE:?}" "${KCKPT_OUT:?}"
BENCH_SRC=$KCKPT_ROOT/tests/vm/bench
HELPER=$KCKPT_ROOT/build/bin/kckpt-restore
BIN=$KCKPT_ROOT/build/bench
CHECKPT=$KCKPT_ROOT/build/bin/checkpt
KCKPT_KO=$KCKPT_ROOT/build/$KCKPT_RELEASE/kckpt.ko
# Written by run-bench.sh on the host before the VM boots (sizes, repetitions).
# shellcheck disable=SC1091
[ -f "$BIN/config.sh" ] && . "$BIN/config.sh"
SIZES=${KCKPT_BENCH_SIZES:-"64 256 1024"}
REPS=${KCKPT_BENCH_REPS:-3}
EXTRAS=${KCKPT_BENCH_EXTRAS:-yes}	# ftrace breakdown + reserved-memory run
# Every tool writes here: the guest's ext4 disk by default (what a user's
# images live on), or KCKPT_BENCH_DIR=/tmp for tmpfs.
WORK=${KCKPT_BENCH_DIR:-/disk}/kckpt-bench
TOOL_TIMEOUT=${KCKPT_BENCH_TOOL_TIMEOUT:-900}
REPORT=$KCKPT_OUT/bench.txt
FIFO=$WORK/answer.fifo			# restored targets answer here

: >"$REPORT"
say() { printf '%s\n' "$*" | tee -a "$REPORT"; }
log() { printf '%s\n' "$*"; }		# console only

# ---------------------------------------------------------------- helpers
# Timestamps: ${EPOCHREALTIME/,/.} (bash 5; no fork, unlike $(date +%s.%N))
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }
median() {	# values... -> median ("" when none)
	printf '%s\n' "$@" | grep -E '^[0-9.]+$' | sort -g |
		awk '{v[NR] = $1} END {if (NR) printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b}'; }
mib() { awk -v b="$1" 'BEGIN {printf "%.2f", b / 1048576}'; }

# The target programs: built by run-bench.sh on the host; compiled here when run
# directly (slower under TCG, but it works).
prepare_binaries() {
	local p
	for p in bench_target bench_ckpt bench_restore; do
		if [ -x "$BIN/$p" ] && [ "$BIN/$p" -nt "$BENCH_SRC/$p.c" ]; then
			eval "${p^^}=\$BIN/\$p"
		else
			log "compiling $p in the guest"
			gcc -O2 -Wall -Wextra -I"$KCKPT_ROOT/include" \
				-o "/tmp/$p" "$BENCH_SRC/$p.c" || return 1
			eval "${p^^}=/tmp/\$p"
		fi
	done
}

# start_target N [RESERVE_MIB]: a fresh target in TPID, memory written.
TPID=
start_target() {
	local out=$WORK/target.out i
	: >"$out"
	KCKPT_BENCH_FIFO=$FIFO "$BENCH_TARGET" "$@" </dev/null >"$out" 2>&1 &
	TPID=$!
	for ((i = 0; i < 6000; i++)); do
		grep -q '^READY' "$out" && return 0
		kill -0 "$TPID" 2>/dev/null || break
		sleep 0.1
	done
	log "target $* did not get ready: $(cat "$out")"
	stop_target
	return 1
}
stop_target() {
	[ -n "$TPID" ] || return 0
	kill -KILL "$TPID" 2>/dev/null
	{ wait "$TPID"; } 2>/dev/null
	TPID=
}

# ------------------------------------------------------------------ tools
# Each tool_X N runs once on a fresh target (or none) and sets T, or ERR and
# returns 1. IMG_BYTES / IMG_DU (bytes written / allocated) when it makes an
# image; NOTE for the details section.
TOOLS=()
declare -A HEADER NEEDS_TARGET
register_tool() {	# name header [notarget]
	TOOLS+=("$1")
	HEADER[$1]=$2
	NEEDS_TARGET[$1]=$([ "${3:-}" = notarget ] && echo no || echo yes)
}

image_sizes() {		# path... -> IMG_BYTES, IMG_DU (sum)
	IMG_BYTES=$(du -cb --apparent-size "$@" | awk 'END {print $1}')
	IMG_DU=$(du -cB1 "$@" | awk 'END {print $1}')
}

tool_kckpt_ioctl() {
	local img=$WORK/ioctl.img out
	out=$(timeout "$TOOL_TIMEOUT" "$BENCH_CKPT" "$TPID" "$img" 2>&1)
	case "$out" in
	ok*) T=$(sed -n 's/.*ioctl_s=\([0-9.]*\).*/\1/p' <<<"$out")
	     image_sizes "$img"
	     NOTE="memory_bytes=$(sed -n 's/.*memory_bytes=\([0-9]*\).*/\1/p' <<<"$out")" ;;
	*) ERR=$out; rm -f "$img"; return 1 ;;
	esac
	rm -f "$img"
}

tool_checkpt_cli() {
	local img=$WORK/cli.img t0 t1 rc
	t0=${EPOCHREALTIME/,/.}
	timeout "$TOOL_TIMEOUT" "$CHECKPT" -c "$TPID" -o "$img" --quiet \
		>"$WORK/cli.log" 2>&1
	rc=$?
	t1=${EPOCHREALTIME/,/.}
	if [ $rc -ne 0 ] || [ ! -s "$img" ]; then
		ERR="checkpt -c exited $rc: $(head -c 600 "$WORK/cli.log")"
		rm -f "$img"
		return 1
	fi
	T=$(elapsed "$t0" "$t1")
	image_sizes "$img"
	rm -f "$img"
}

tool_criu_dump() {
	local dir=$WORK/criu t0 t1 rc
	command -v criu >/dev/null || { ERR="criu is not installed"; return 1; }
	rm -rf "$dir" && mkdir -p "$dir"
	t0=${EPOCHREALTIME/,/.}
	timeout "$TOOL_TIMEOUT" criu dump -t "$TPID" -D "$dir" --shell-job \
		--leave-running -o dump.log >"$WORK/criu.out" 2>&1
	rc=$?
	t1=${EPOCHREALTIME/,/.}
	if [ $rc -ne 0 ]; then
		ERR="criu dump exited $rc: $(grep -E 'Error|error' "$dir/dump.log" | head -n 8)"
		cp "$dir/dump.log" "$KCKPT_OUT/criu-dump-failed.log" 2>/dev/null
		rm -rf "$dir"
		return 1
	fi
	T=$(elapsed "$t0" "$t1")
	rm -f "$dir/dump.log"
	image_sizes "$dir"/*
	NOTE="pages-*.img=$(du -cb "$dir"/pages-*.img | awk 'END {print $1}')"
	rm -rf "$dir"
}

tool_dd_write() {
	local f=$WORK/dd.out t0 t1
	t0=${EPOCHREALTIME/,/.}
	dd if=/dev/zero of="$f" bs=1M count="$1" conv=fsync status=none 2>"$WORK/dd.err" ||
		{ ERR="dd: $(cat "$WORK/dd.err")"; rm -f "$f"; return 1; }
	t1=${EPOCHREALTIME/,/.}
	T=$(elapsed "$t0" "$t1")
	image_sizes "$f"
	rm -f "$f"
}

# ---------------------------------------------------------------- restore
# Written and synced images leave the page cache: every restore reads cold.
drop_caches() { sync && echo 3 >/proc/sys/vm/drop_caches; }

# checkpoint_for_restore IMG: a kckpt image of the target (untimed), then
# the target is killed.
checkpoint_for_restore() {
	local out
	out=$(timeout "$TOOL_TIMEOUT" "$BENCH_CKPT" "$TPID" "$1" 2>&1)
	stop_target
	case "$out" in
	ok*) drop_caches; return 0 ;;
	*) ERR="checkpoint before the restore failed: $out"; rm -f "$1"; return 1 ;;
	esac
}

# restore_timed MODE CMD...: bench_restore; sets T and NOTE, or ERR. The
# restored process is killed afterwards.
restore_timed() {
	local out rpid rc
	out=$(timeout "$TOOL_TIMEOUT" "$BENCH_RESTORE" "$FIFO" "$BENCH_TARGET" \
		"$@" 2>"$WORK/restorer.err" </dev/null)
	rc=$?
	rpid=$(sed -n 's/.* pid=\([0-9]*\).*/\1/p' <<<"$out")
	[ -n "$rpid" ] && [ "$rpid" -gt 0 ] && kill -KILL "$rpid" 2>/dev/null
	case "$out" in
	ok*) T=$(sed -n 's/.*restore_s=\([0-9.]*\).*/\1/p' <<<"$out")
	     NOTE="memory checked by the restored process: $(sed -n 's/.*verify=\([A-Z]*\) bytes=\([0-9]*\).*/\1, \2 B/p' <<<"$out")"
	     return 0 ;;
	*) ERR="bench_restore exited $rc: $out $(head -c 600 "$WORK/restorer.err")"
	   return 1 ;;
	esac
}

tool_kckpt_restore() {
	local img=$WORK/restore.img rc
	checkpoint_for_restore "$img" || return 1
	image_sizes "$img"
	restore_timed helper "$HELPER" "$img"
	rc=$?
	rm -f "$img"
	return $rc
}

tool_checkpt_restore() {
	local img=$WORK/restore-cli.img pidf=$WORK/restored.pid rc
	checkpoint_for_restore "$img" || return 1
	rm -f "$pidf"
	restore_timed "pidfile:$pidf" "$CHECKPT" -r "$img" --detach \
		--pidfile "$pidf" --quiet
	rc=$?
	rm -f "$img" "$pidf"
	return $rc
}

tool_criu_restore() {
	local dir=$WORK/criu-r pid=$TPID rc
	command -v criu >/dev/null || { ERR="criu is not installed"; return 1; }
	rm -rf "$dir" && mkdir -p "$dir"
	timeout "$TOOL_TIMEOUT" criu dump -t "$TPID" -D "$dir" --shell-job \
		-o dump.log >"$WORK/criu.out" 2>&1
	rc=$?
	{ wait "$TPID"; } 2>/dev/null	# criu killed it: free its pid
	TPID=
	if [ $rc -ne 0 ]; then
		ERR="criu dump before the restore exited $rc: $(grep -E 'Error|error' "$dir/dump.log" | head -n 8)"
		rm -rf "$dir"
		return 1
	fi
	drop_caches
	restore_timed "wait:$pid" criu restore -D "$dir" --shell-job -d \
		-o restore.log
	rc=$?
	if [ $rc -ne 0 ]; then
		ERR+=" $(grep -E 'Error|error' "$dir/restore.log" | head -n 8)"
		cp "$dir/restore.log" "$KCKPT_OUT/criu-restore-failed.log" 2>/dev/null
	fi
	rm -rf "$dir"
	return $rc
}

tool_dd_read() {
	local img=$WORK/dd-read.img t0 t1
	checkpoint_for_restore "$img" || return 1
	image_sizes "$img"
	t0=${EPOCHREALTIME/,/.}
	dd if="$img" of=/dev/null bs=1M status=none 2>"$WORK/dd.err" ||
		{ ERR="dd: $(cat "$WORK/dd.err")"; rm -f "$img"; return 1; }
	t1=${EPOCHREALTIME/,/.}
	T=$(elapsed "$t0" "$t1")
	rm -f "$img"
}

register_tool kckpt_ioctl "kckpt ioctl s"
register_tool checkpt_cli "checkpt CLI s"
register_tool criu_dump "criu dump s"
register_tool dd_write "dd s" notarget
register_tool kckpt_restore "kckpt-restore s"
register_tool checkpt_restore "checkpt -r s"
register_tool criu_restore "criu restore s"
register_tool dd_read "dd read s"

# --------------------------------------------------------------- running
declare -A TIMES MED BYTES DU NOTES FAILED SHOWN
# run_one TOOL N REP: one measurement on a fresh target.
run_one() {
	local tool=$1 n=$2 rep=$3
	T= ERR= IMG_BYTES= IMG_DU= NOTE=
	if [ "${NEEDS_TARGET[$tool]}" = yes ]; then
		start_target "$n" || { ERR="target did not start"; FAILED[$tool,$n]=$ERR; return; }
	fi
	sync
	if "tool_$tool" "$n"; then
		TIMES[$tool,$n]="${TIMES[$tool,$n]:-} $T"
		[ -n "$IMG_BYTES" ] && BYTES[$tool,$n]=$IMG_BYTES DU[$tool,$n]=$IMG_DU
		[ -n "$NOTE" ] && NOTES[$tool,$n]=$NOTE
		log "  $tool N=$n rep $rep: ${T}s${IMG_BYTES:+ image $IMG_BYTES B (du $IMG_DU)}${NOTE:+ $NOTE}"
	else
		# one line for the report; the whole message once on the console
		FAILED[$tool,$n]=$(tr -s '\n\t ' '   ' <<<"$ERR" | cut -c 1-200)
		if [ -z "${SHOWN[$tool]:-}" ]; then
			SHOWN[$tool]=1
			log "  $tool N=$n rep $rep: FAILED: $ERR"
		else
			log "  $tool N=$n rep $rep: FAILED: ${FAILED[$tool,$n]}"
		fi
	fi
	stop_target
}

# The first tool at a new, larger size was the first to touch that much of
# the guest's RAM (qemu faults it in on the host) and paid for it alone:
# touch a target's and an image's worth once, untimed, before the runs.
warm_up() {	# N
	start_target "$1" || return
	dd if=/dev/zero of="$WORK/warm" bs=1M count="$1" 2>/dev/null
	rm -f "$WORK/warm"
	stop_target
}

run_all() {
	local n rep tool
	for n in $SIZES; do
		log "== N = $n MiB"
		warm_up "$n"
		for ((rep = 1; rep <= REPS; rep++)); do
			for tool in "${TOOLS[@]}"; do
				[ -n "${FAILED[$tool,$n]:-}" ] && continue	# once is enough
				run_one "$tool" "$n" "$rep"
			done
		done
		for tool in "${TOOLS[@]}"; do
			# shellcheck disable=SC2086
			MED[$tool,$n]=$(median ${TIMES[$tool,$n]:-})
		done
	done
}

# ----------------------------------------------------------------- table
# Columns: "key|header|width". Keys: N, a tool name (its median), ratio:A/B,
# image_mib, image_pct. Append here to grow a table.
COLUMNS=(
	"N|N MiB|5"
	"kckpt_ioctl|kckpt ioctl s|13"
	"checkpt_cli|checkpt CLI s|13"
	"criu_dump|criu dump s|11"
	"dd_write|dd s|7"
	"ratio:criu_dump/kckpt_ioctl|criu/kckpt|10"
	"ratio:kckpt_ioctl/dd_write|kckpt/dd|8"
	"image_mib|image MiB|9"
	"image_pct|image/touched %|15"
)
RESTORE_COLUMNS=(
	"N|N MiB|5"
	"kckpt_restore|kckpt-restore s|15"
	"checkpt_restore|checkpt -r s|12"
	"criu_restore|criu restore s|14"
	"dd_read|dd read s|9"
	"ratio:criu_restore/kckpt_restore|criu/kckpt|10"
	"ratio:kckpt_restore/dd_read|kckpt/dd|8"
)

cell() {	# key N -> text
	local key=$1 n=$2 a b
	case "$key" in
	N) echo "$n" ;;
	ratio:*) a=${key#ratio:}; b=${a#*/}; a=${a%/*}
		 ratio "${MED[$a,$n]:-}" "${MED[$b,$n]:-}" || echo - ;;
	image_mib) [ -n "${BYTES[kckpt_ioctl,$n]:-}" ] && mib "${BYTES[kckpt_ioctl,$n]}" || echo - ;;
	image_pct) [ -n "${BYTES[kckpt_ioctl,$n]:-}" ] &&
		awk -v b="${BYTES[kckpt_ioctl,$n]}" -v n="$n" 'BEGIN {printf "%.3f", 100 * b / (n * 1048576)}' || echo - ;;
	*) if [ -n "${MED[$key,$n]:-}" ]; then echo "${MED[$key,$n]}"
	   elif [ -n "${FAILED[$key,$n]:-}" ]; then echo fail
	   else echo -; fi ;;
	esac
}

print_table() {	# [name of a columns array]
	local -n cols=${1:-COLUMNS}
	local c n line sep
	line= sep=
	for c in "${cols[@]}"; do
		IFS='|' read -r _ h w <<<"$c"
		line+=$(printf '%*s | ' "$w" "$h")
		sep+=$(printf '%*s-+-' "$w" '' | tr ' ' -)
	done
	say "${line% | }"
	say "${sep%-+-}"
	for n in $SIZES; do
		line=
		for c in "${cols[@]}"; do
			IFS='|' read -r k _ w <<<"$c"
			line+=$(printf '%*s | ' "$w" "$(cell "$k" "$n")")
		done
		say "${line% | }"
	done
}

# The issue's targets, judged on this run's medians (printed, never fatal).
verdict() {	# 1 / 0 / anything else -> "met" / "NOT met" / "n/a"
	case "$1" in 1) echo met ;; 0) echo "NOT met" ;; *) echo "n/a" ;; esac
}
check() { awk -v v="$1" "BEGIN {if (v == \"\") print \"-\"; else print (($2) ? 1 : 0)}"; }

print_targets() {
	local n r v all what
	say ""
	say "Targets from the issue (judged on this run's medians; printed, not enforced):"
	for what in kckpt_ioctl checkpt_cli; do
		all=
		for n in $SIZES; do
			[ "$n" -ge 256 ] || continue
			r=$(ratio "${MED[criu_dump,$n]:-}" "${MED[$what,$n]:-}")
			v=$(check "$r" 'v >= 2')
			all+=" N=$n: criu/${what%%_*}=${r:--} $(verdict "$v");"
		done
		say "  kckpt >= 2x faster than criu dump at >= 256 MiB (${HEADER[$what]% s}):${all%;}"
	done
	all=
	for n in $SIZES; do
		r=$(ratio "${MED[kckpt_ioctl,$n]:-}" "${MED[dd_write,$n]:-}")
		v=$(check "$r" 'v <= 1.5')
		all+=" N=$n: kckpt/dd=${r:--} $(verdict "$v");"
	done
	say "  kckpt (ioctl) within 1.5x of dd:${all%;}"
	all=
	for n in $SIZES; do
		r=$(cell image_pct "$n")
		[ "$r" = - ] && r=
		v=$(check "$r" 'v >= 99 && v <= 101')
		all+=" N=$n: ${r:--}% $(verdict "$v");"
	done
	say "  image within 1% of touched memory:${all%;}"
	all=
	for n in $SIZES; do
		[ "$n" -ge 256 ] || continue
		r=$(ratio "${MED[criu_restore,$n]:-}" "${MED[kckpt_restore,$n]:-}")
		v=$(check "$r" 'v >= 2')
		all+=" N=$n: criu/kckpt=${r:--} $(verdict "$v");"
	done
	say "  restore >= 2x faster than criu restore at >= 256 MiB (kckpt-restore):${all%;}"
	all=
	for n in $SIZES; do
		r=$(ratio "${MED[kckpt_restore,$n]:-}" "${MED[dd_read,$n]:-}")
		v=$(check "$r" 'v <= 1.5')
		all+=" N=$n: kckpt/dd=${r:--} $(verdict "$v");"
	done
	say "  restore (kckpt-restore) within 1.5x of dd read:${all%;}"
}

print_details() {
	local n tool
	say ""
	say "Details (medians of $REPS; image = apparent bytes, du = allocated bytes):"
	for n in $SIZES; do
		for tool in "${TOOLS[@]}"; do
			say "  N=$n $tool: times [${TIMES[$tool,$n]:- } ] median ${MED[$tool,$n]:--}s${BYTES[$tool,$n]:+ image ${BYTES[$tool,$n]} B = $(mib "${BYTES[$tool,$n]}") MiB, du $(mib "${DU[$tool,$n]}") MiB}${NOTES[$tool,$n]:+, ${NOTES[$tool,$n]}}${FAILED[$tool,$n]:+ FAILED: ${FAILED[$tool,$n]}}"
		done
	done
}

# ---------------------------------------------------------- environment
setup_criu() {
	local m loaded=
	command -v criu >/dev/null || { say "criu: not installed on the host (apt-get install criu)"; return; }
	for m in netlink_diag unix_diag inet_diag tcp_diag udp_diag raw_diag \
		 packet_diag af_packet_diag nf_tables nft_compat nft_ct \
		 nft_reject_inet nf_conntrack veth tun; do
		modprobe -q ${KCKPT_KERNEL_ROOT:+-d "$KCKPT_KERNEL_ROOT"} "$m" 2>/dev/null &&
			loaded+=" $m"
	done
	log "modules loaded for criu:$loaded"
	ip link set lo up 2>/dev/null || busybox ip link set lo up
	mkdir -p /run /var/run 2>/dev/null
	criu check >"$WORK/criu-check.txt" 2>&1
	say "criu: $(criu --version | sed -n 's/^Version: //p'); 'criu check' says: $(tail -n 1 "$WORK/criu-check.txt")"
	grep -B1 -E '^(Error|Warn)' "$WORK/criu-check.txt" | grep -v '^--' | sed 's/^/    /' | tee -a "$REPORT"
	cp "$WORK/criu-check.txt" "$KCKPT_OUT/"
}

# The CLI's start-up alone ('checkpt version'): what the CLI adds to the ioctl.
cli_startup() {
	local i t0 t1 ts=
	[ -x "$CHECKPT" ] || return
	for ((i = 0; i < REPS; i++)); do
		t0=${EPOCHREALTIME/,/.}
		"$CHECKPT" version >/dev/null 2>&1 || { say "checkpt version failed"; return; }
		t1=${EPOCHREALTIME/,/.}
		ts+=" $(elapsed "$t0" "$t1")"
	done
	CLI_START=$(median $ts)
	say "checkpt start-up alone ('checkpt version'): median ${CLI_START}s of [$ts ]"
}

header() {
	say "KCkpt checkpoint/restore benchmark - $(date -u '+%Y-%m-%d %H:%M UTC'), kernel $(uname -r), $(nproc) vCPUs, $(awk '/MemTotal/ {printf "%d MiB", $2 / 1024}' /proc/meminfo)"
	say "qemu TCG (emulated CPU): absolute times are meaningless; only ratios measured in this one run mean anything."
	say "Images, criu's image directory and dd's output go to $WORK on $(stat -f -c %T /tmp) (RAM); no tool fsyncs except dd conv=fsync, a no-op on tmpfs."
	say "Each tool sees a fresh target: N MiB anonymous, every page written (THP: $(sed 's/.*\[\(.*\)\].*/\1/' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)); median of $REPS runs."
	say "kckpt ioctl = KCKPT_IOC_CHECKPOINT alone (C timer in bench_ckpt); checkpt CLI = 'checkpt -c PID -o IMG --quiet' end to end (includes .NET start);"
	say "criu dump = 'criu dump -t PID -D DIR --shell-job --leave-running' end to end; dd = 'dd if=/dev/zero bs=1M count=N conv=fsync' to the same FS."
	say "Restore: from starting the restorer until the restored process answers a signal (it then checks all its memory: a restore counts only if intact);"
	say "kckpt-restore = the helper run directly on a kckpt image; checkpt -r = 'checkpt -r IMG --detach --pidfile F --quiet' (includes .NET start);"
	say "criu restore = 'criu restore -D DIR --shell-job -d'; dd read = 'dd if=IMG of=/dev/null bs=1M' of the kckpt image."
}

# ------------------------------------------------------------- extras
# Where the kernel spends the ioctl's time: function_graph on the dump's
# main steps, traced in the target (the dump runs in its context).
ftrace_breakdown() {
	local n=${KCKPT_BENCH_TRACE_MIB:-64} tr=/sys/kernel/tracing f funcs= out plain traced bufkb
	say ""
	say "Kernel time breakdown (function_graph, one ${n} MiB checkpoint; tracing inflates per-call costs):"
	[ -d "$tr/events" ] || mount -t tracefs nodev "$tr" 2>/dev/null
	[ -w "$tr/set_ftrace_filter" ] || { say "  (no tracefs)"; return; }
	for f in kckpt_dump_current kckpt_collect_vmas kckpt_write_memory get_user_pages_remote \
		 kckpt_image_add_pages kckpt_crc32c vfs_iter_write kckpt_note_vmas kckpt_image_finish; do
		grep -qE "^$f( |\$)" "$tr/available_filter_functions" && funcs+=" $f"
	done
	log "  traced:$funcs"
	start_target "$n" || return
	out=$($BENCH_CKPT "$TPID" "$WORK/trace-plain.img")
	plain=$(sed -n 's/.*ioctl_s=\([0-9.]*\).*/\1/p' <<<"$out")
	rm -f "$WORK/trace-plain.img"
	stop_target
	start_target "$n" || return
	echo 0 >"$tr/tracing_on"
	echo nop >"$tr/current_tracer"
	: >"$tr/set_ftrace_filter"
	for f in $funcs; do echo "$f" >>"$tr/set_ftrace_filter"; done
	echo "$TPID" >"$tr/set_ftrace_pid"
	bufkb=$(sed "s/.*expanded: \([0-9]*\).*/\1/; s/ .*//" "$tr/buffer_size_kb")
	echo 65536 >"$tr/buffer_size_kb"
	echo function_graph >"$tr/current_tracer"
	echo 1 >"$tr/options/funcgraph-tail" 2>/dev/null
	: >"$tr/trace"
	echo 1 >"$tr/tracing_on"
	out=$($BENCH_CKPT "$TPID" "$WORK/trace.img")
	echo 0 >"$tr/tracing_on"
	traced=$(sed -n 's/.*ioctl_s=\([0-9.]*\).*/\1/p' <<<"$out")
	rm -f "$WORK/trace.img"
	stop_target
	cat "$tr/trace" >"$WORK/trace.txt"
	echo nop >"$tr/current_tracer"
	: >"$tr/set_ftrace_filter"
	: >"$tr/set_ftrace_pid"
	echo "$bufkb" >"$tr/buffer_size_kb"
	say "  ioctl ${plain:-?}s untraced, ${traced:-?}s traced; $(grep -c . "$WORK/trace.txt") trace lines"
	# sum the durations per function: "  1.234 us  |  name();" or "} /* name */"
	awk -F'|' -v order="$funcs" '
		NF < 2 || $1 !~ /us/ {next}
		{
			d = $1; sub(/ *us.*/, "", d); sub(/.*[^0-9.]/, "", d)
			s = $2; name = ""
			sub(/ \[[a-z0-9_]+\]/, "", s)	# module name: "f [kckpt]();"
			if (match(s, /[A-Za-z_][A-Za-z0-9_.]*\(\);/)) name = substr(s, RSTART, RLENGTH - 3)
			else if (match(s, /\/\* [A-Za-z_][A-Za-z0-9_.]*/)) name = substr(s, RSTART + 3, RLENGTH - 3)
			if (name == "") next
			t[name] += d; c[name]++
		}
		END {
			tot = t["kckpt_dump_current"]
			n = split(order, fs, " ")
			for (i = 1; i <= n; i++)
				if ((f = fs[i]) in t)
					printf "  %-24s %8d calls %10.3f s %6.1f%%\n", f, c[f], t[f] / 1e6, tot ? 100 * t[f] / tot : 0
			a = t["kckpt_image_add_pages"] - t["kckpt_crc32c"] - t["vfs_iter_write"]
			if (t["kckpt_image_add_pages"])
				printf "  %-24s %8s       %10.3f s %6.1f%%  (kmap, bio_vec set-up, bookkeeping)\n", "= add_pages own time", "", a / 1e6, tot ? 100 * a / tot : 0
		}' "$WORK/trace.txt" | tee -a "$REPORT"
	cp "$WORK/trace.txt" "$KCKPT_OUT/trace-${n}mib.txt"
	rm -f "$WORK/trace.txt"
}

# An untouched PROT_NONE reservation (as .NET/Go/JVM make): should be free.
reserved_run() {
	local n=${KCKPT_BENCH_RESERVED_BASE:-64} r=${KCKPT_BENCH_RESERVED_MIB:-4096} a b c out
	say ""
	say "Untouched reservation: ${n} MiB written + ${r} MiB PROT_NONE never touched (one run each):"
	start_target "$n" || return
	out=$($BENCH_CKPT "$TPID" "$WORK/r0.img"); a=$(sed -n 's/.*ioctl_s=\([0-9.]*\).*/\1/p' <<<"$out")
	stop_target; rm -f "$WORK/r0.img"
	start_target "$n" "$r" || return
	out=$(timeout "$TOOL_TIMEOUT" "$BENCH_CKPT" "$TPID" "$WORK/r1.img"); b=$(sed -n 's/.*ioctl_s=\([0-9.]*\).*/\1/p' <<<"$out")
	stop_target; rm -f "$WORK/r1.img"
	if command -v criu >/dev/null; then
		start_target "$n" "$r" && tool_criu_dump "$n" && c=$T
		stop_target
	fi
	say "  kckpt ioctl: ${a:-?}s without the reservation, ${b:-?}s with it ($out)"
	say "  criu dump with it: ${c:-?}s"
}

# ------------------------------------------------------------------ main
main() {
	mkdir -p "$WORK" && cd "$WORK" || exit 2
	prepare_binaries || { say "cannot build the bench programs"; exit 2; }
	header
	insmod "$KCKPT_KO" || { say "insmod $KCKPT_KO failed: no benchmark"; exit 2; }
	setup_criu
	[ -x "$CHECKPT" ] || say "checkpt: $CHECKPT missing"
	cli_startup
	say ""
	local t0=$SECONDS
	rm -f "$FIFO" && mkfifo "$FIFO" || { say "mkfifo $FIFO failed"; exit 2; }
	[ -x "$HELPER" ] || say "kckpt-restore: $HELPER missing"
	run_all
	say ""
	say "Checkpoint:"
	print_table
	say ""
	say "Restore:"
	print_table RESTORE_COLUMNS
	print_targets
	print_details
	if [ "$EXTRAS" = yes ]; then
		ftrace_breakdown
		reserved_run
	fi
	say ""
	say "bench finished in $((SECONDS - t0)) s (guest clock); report: $REPORT"
	rmmod kckpt 2>/dev/null
	return 0
}

main "$@"
