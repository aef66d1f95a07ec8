# shellcheck shell=bash
# Helpers for the guest-side tests (sourced by each tests/vm/tests/*.sh).
# A test prints what it does, ends with "PASS: what it proved" and exit 0,
# or "FAIL: why" and a non-zero exit, or "SKIP: why it could not run here"
# and exit 0 (counted apart, never as passed).
set -u
: "${KCKPT_ROOT:?}" "${KCKPT_RELEASE:?}"
CHECKPT="$KCKPT_ROOT/build/bin/checkpt"
KCKPT_KO="$KCKPT_ROOT/build/$KCKPT_RELEASE/kckpt.ko"
KCKPT_TTY_KO="$KCKPT_ROOT/build/$KCKPT_RELEASE/kckpt_tty.ko"
KCKPT_PROGS="$KCKPT_ROOT/build/tests"
KCKPT_HEADER="$KCKPT_ROOT/include/uapi/kckpt.h"

pass() { echo "PASS: $*"; exit 0; }
fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit 0; }

module_loaded() { grep -q '^kckpt ' /proc/modules; }

tty_module_loaded() { grep -q '^kckpt_tty ' /proc/modules; }

# kckpt_tty.ko uses kckpt.ko: it goes first.
unload_kckpt() {
	! tty_module_loaded || rmmod kckpt_tty || fail "rmmod kckpt_tty failed"
	! module_loaded || rmmod kckpt || fail "rmmod kckpt failed"
}

# A freshly loaded module, whatever the previous test left.
fresh_kckpt() {
	unload_kckpt
	insmod "$KCKPT_KO" || fail "insmod $KCKPT_KO failed"
}

# fresh_kckpt_tty [PARAM=VALUE]...: freshly loaded kckpt.ko and kckpt_tty.ko
# (the ^E line discipline) with those parameters.
fresh_kckpt_tty() {
	fresh_kckpt
	insmod "$KCKPT_TTY_KO" "$@" || fail "insmod $KCKPT_TTY_KO $* failed"
}

# header_define NAME: the value of a #define in the uapi header.
header_define() {
	awk -v n="$1" '$1 == "#define" && $2 == n {print $3; exit}' "$KCKPT_HEADER"
}

# A scratch directory per test, on the guest's tmpfs.
WORK=$(mktemp -d /tmp/kckpt-test.XXXXXX)
chmod 755 "$WORK"

# start_prog NAME ARGS...: run build/tests/NAME in the background, wait for
# its READY line; sets PROG_PID (the process under test), PROG_JOB (the
# job to wait for) and PROG_OUT.
start_prog() {
	PROG_OUT="$WORK/$1.out"
	"$KCKPT_PROGS/$1" "${@:2}" >"$PROG_OUT" 2>&1 &
	PROG_JOB=$!
	wait_ready
}

# on_tty COMMAND OUT: run COMMAND on a pseudo-terminal (script(1) holds
# the master side) in the background. script's input is a FIFO held open
# by a silent writer (EOF would reach the program as ^D); the writer is
# not part of the job, so waiting for the job ends when script does.
on_tty() {
	local in
	in=$(mktemp -u "$WORK/tty-in.XXXXXX")
	mkfifo "$in" || fail "mkfifo $in"
	sleep 3600 >"$in" &
	script -qfec "$1" /dev/null <"$in" >"$2" 2>&1 &
	PROG_JOB=$!
}

# in_tty COMMANDS OUT: COMMANDS (sh) on a pseudo-terminal, waited for;
# the output (without CRs) is shown and left in OUT.txt.
in_tty() {
	on_tty "sh -c '$1'" "$2"
	wait "$PROG_JOB"
	tr -d '\r' <"$2"
	tr -d '\r' <"$2" >"$2.txt"
}

# install_modules: kckpt.ko and kckpt_tty.ko where modprobe finds them, as
# `make install` puts them (the guest's /lib/modules is a tmpfs overlay).
install_modules() {
	local dir
	dir=/lib/modules/$(uname -r)/extra
	mkdir -p "$dir" && cp "$KCKPT_KO" "$KCKPT_TTY_KO" "$dir/" &&
		depmod -a || fail "cannot install the modules into $dir"
}

# start_prog_on_tty NAME ARGS...: start_prog with a pseudo-terminal as the
# program's stdin/stdout.
start_prog_on_tty() {
	PROG_OUT="$WORK/$1.out"
	on_tty "$KCKPT_PROGS/$*" "$PROG_OUT"
	wait_ready
}

wait_ready() {
	local i
	for i in $(seq 1 300); do
		PROG_PID=$(tr -d '\r' <"$PROG_OUT" | awk '/^READY/ {print $2; exit}')
		[ -n "$PROG_PID" ] && return 0
		sleep 0.1
	done
	cat "$PROG_OUT"
	fail "no READY line from the test program"
}

# finish_prog: signal the program that the step is done; it must PASS.
finish_prog() {
	kill -USR1 "$PROG_PID" 2>/dev/null
	wait "$PROG_JOB"
	tr -d '\r' <"$PROG_OUT"
	tr -d '\r' <"$PROG_OUT" | grep -q '^PASS' || fail "the test program did not pass"
}

# checkpoint PID IMAGE [checkpt options]: checkpt -c must succeed.
checkpoint() {
	local pid=$1 img=$2
	shift 2
	"$CHECKPT" -c "$pid" -o "$img" --quiet "$@" || fail "checkpt -c $pid exited $?"
	[ -s "$img" ] || fail "no image at $img"
}

# gdb_batch PROGRAM IMAGE GDB-COMMAND...: gdb on an image, output on stdout.
gdb_batch() {
	local prog=$1 img=$2 cmd args=()
	shift 2
	for cmd in "$@"; do
		args+=(-ex "$cmd")
	done
	gdb -batch -nx "${args[@]}" "$prog" "$img" 2>&1
}

proc_state() { awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null; }

# wait_until SECONDS WHAT CMD...: poll CMD until it succeeds; fail saying
# WHAT did not happen within SECONDS. Tests wait for conditions, never for
# a fixed time.
wait_until() {
	local limit=$1 what=$2 i
	shift 2
	for i in $(seq 1 $((limit * 20))); do
		"$@" && return 0
		sleep 0.05
	done
	fail "$what (not within ${limit}s)"
}

# blocked_in PID [NR]: PID sleeps in a system call (number NR if given).
blocked_in() {
	local nr
	nr=$(cut -d' ' -f1 "/proc/$1/syscall" 2>/dev/null)
	[ "$(proc_state "$1")" = S ] && [ -n "$nr" ] && [ "$nr" != running ] &&
		{ [ -z "${2:-}" ] || [ "$nr" = "$2" ]; }
}

# wait_blocked PID [NR]: until PID sleeps in a system call (NR if given).
wait_blocked() {
	wait_until 30 "process $1 did not block in system call ${2:-any}" blocked_in "$@"
}

# in_user_mode PID: PID runs its own code (not in a system call).
in_user_mode() { [ "$(cut -d' ' -f1 "/proc/$1/syscall" 2>/dev/null)" = running ]; }

# has_state PID STATE: the State: letter of PID is STATE.
has_state() { [ "$(proc_state "$1")" = "$2" ]; }

# wait_state PID STATE: until the State: letter of PID is STATE.
wait_state() {
	wait_until 30 "process $1 did not reach state $2 (it is $(proc_state "$1"))" has_state "$@"
}

# wait_line FILE REGEX: until a line of FILE matches REGEX.
wait_line() {
	local i
	for i in $(seq 1 200); do
		tr -d '\0\r' <"$1" 2>/dev/null | grep -q "$2" && return 0
		sleep 0.05
	done
	cat "$1"
	fail "no line matching '$2' in $1"
}

# hello PORT: the first line a server on 127.0.0.1:PORT sends.
hello() {
	local line
	exec 5<>"/dev/tcp/127.0.0.1/$1" || fail "cannot connect to port $1"
	read -r line <&5
	exec 5<&-
	echo "$line"
}

# holds_open PID PATH: one of PID's descriptors is PATH.
holds_open() {
	local f
	for f in /proc/"$1"/fd/*; do
		[ "$(readlink "$f" 2>/dev/null)" = "$2" ] && return 0
	done
	return 1
}

# wait_restored PID COMM [IMAGE]: until PID has become the restored COMM
# and its restore has finished: the helper is gone from the map and the
# IMAGE it restored from is no longer open (the module closes the helper's
# descriptors last, on the way back to user mode, after memory, map and
# registers are set); SIGUSR1 is safe and /proc/PID/maps final from then on.
wait_restored() {
	local i img=
	[ -n "${3:-}" ] && img=$(readlink -f "$3")
	for i in $(seq 1 600); do
		if [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] &&
		   ! grep -q kckpt-restore "/proc/$1/maps" 2>/dev/null &&
		   { [ -z "$img" ] || ! holds_open "$1" "$img"; }; then
			return 0
		fi
		kill -0 "$1" 2>/dev/null || fail "process $1 died while being restored"
		sleep 0.1
	done
	fail "process $1 did not become $2"
}

# restore_prog IMAGE COMM [checkpt -r options]: checkpt -r in the
# background; it becomes the restored process under the same pid.
restore_prog() {
	local img=$1 comm=$2
	shift 2
	"$CHECKPT" -r "$img" "$@" &
	PROG_JOB=$!
	PROG_PID=$!
	wait_restored "$PROG_PID" "$comm" "$img"
}

# The map of a process without device and inode columns.
maps_of() { awk '{print $1, $2, $3, $6}' "/proc/$1/maps"; }

# kill_checkpoint PID IMAGE: checkpoint with --kill and reap the job.
kill_checkpoint() {
	checkpoint "$1" "$2" --kill
	wait "$PROG_JOB" 2>/dev/null
}

# as_user UID COMMAND...: run COMMAND as UID (gid UID, no supplementary
# groups), HOME in the scratch directory.
as_user() {
	local id=$1
	shift
	HOME=$WORK setpriv --reuid="$id" --regid="$id" --clear-groups -- "$@"
}

# user_image UID DIR: DIR (made, owned by UID) holds img, an image of
# mem_patterns run and checkpointed (--kill) by UID; the files the program
# writes are in DIR too. Yama scope 0: the checkpoint is not a descendant.
user_image() {
	local id=$1 dir=$2 yama=/proc/sys/kernel/yama/ptrace_scope
	mkdir -p "$dir" && chown "$id:$id" "$dir" || fail "cannot make $dir for uid $id"
	[ -w $yama ] && echo 0 >$yama
	PROG_OUT=$dir.out
	: >"$PROG_OUT" && chown "$id:$id" "$PROG_OUT" || fail "cannot make $PROG_OUT"
	as_user "$id" "$KCKPT_PROGS/mem_patterns" "$dir" >"$PROG_OUT" 2>&1 &
	PROG_JOB=$!
	wait_ready
	as_user "$id" "$CHECKPT" -c "$PROG_PID" -o "$dir/img" --quiet --kill ||
		fail "uid $id cannot checkpoint its own process"
	wait "$PROG_JOB" 2>/dev/null
	[ "$(stat -c %u "$dir/img")" = "$id" ] || fail "$dir/img does not belong to uid $id"
}

# expect_refusal WORD COMMAND...: COMMAND exits 5 within 60 s (a restore
# that was not refused would wait there) with a message containing WORD;
# the message is left in REFUSAL.
expect_refusal() {
	local word=$1 rc
	shift
	REFUSAL=$(timeout -k 5 60 "$@" 2>&1 </dev/null)
	rc=$?
	echo "$*: exit $rc: $REFUSAL"
	[ $rc -eq 5 ] || fail "$*: exit $rc, expected 5 (refused)"
	echo "$REFUSAL" | grep -qi -- "$word" || fail "$*: the message does not mention '$word'"
}

# checkpoint_refused WHAT WORD: checkpt -c of PROG_PID must fail with a
# message containing WORD (case-insensitive) and leave no image or
# temporary file in WORK; then the program, told to go on, must pass (it
# ran on with its state untouched).
checkpoint_refused() {
	local what=$1 word=$2 out rc
	out=$("$CHECKPT" -c "$PROG_PID" -o "$WORK/$what.img" 2>&1)
	rc=$?
	echo "$what: exit $rc: $out"
	[ $rc -ne 0 ] || fail "$what: the checkpoint was accepted"
	echo "$out" | grep -qi -- "$word" || fail "$what: the reason does not mention '$word'"
	[ -z "$(ls -A "$WORK" | grep -E '\.img|\.tmp')" ] ||
		fail "$what: a file was left behind: $(ls -A "$WORK")"
	kill -0 "$PROG_PID" 2>/dev/null || fail "$what: the target is gone"
	finish_prog
}
