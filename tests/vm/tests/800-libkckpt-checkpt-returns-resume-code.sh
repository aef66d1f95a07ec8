# checkpt(path) returns 0 with the image in place (0600, no temporary
# left, no fd left open); checkpt_fd() returns 0, and restored with
# checkpt -r the same call returns 1, or the code of --resume-code;
# checkpt_fd2's own resume code is the default of a restore.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
API="$KCKPT_PROGS/libkckpt_api"

# first_run MODE NAME: the checkpointing run must say CHECKPOINTED.
first_run() {
	"$API" "$1" "$WORK/$2.ckpt" "${3:-1}" >"$WORK/$2.out" 2>&1
	cat "$WORK/$2.out"
	grep -qx CHECKPOINTED "$WORK/$2.out" || fail "$API $1 did not return 0 with a clean image"
}

# run_restore NAME WANT [checkpt -r options]: the restored process appends
# to NAME.out (its stdout, reopened by path); it must say RESUMED WANT.
run_restore() {
	local name=$1 want=$2 rc
	shift 2
	: >"$WORK/$name.out"
	"$CHECKPT" -r "$WORK/$name.ckpt" "$@"
	rc=$?
	cat "$WORK/$name.out"
	[ $rc -eq 0 ] || fail "checkpt -r $name.ckpt $* exited $rc"
	grep -qx "RESUMED $want" "$WORK/$name.out" || fail "restored $name.ckpt $*: not RESUMED $want"
	grep -q '^PASS' "$WORK/$name.out" || fail "the restored process did not pass ($name.ckpt $*)"
}

cd "$WORK" || fail "no $WORK"
first_run path p
"$CHECKPT" verify "$WORK/p.ckpt" >/dev/null || fail "checkpt verify refuses checkpt()'s image"
first_run fd a
run_restore a 1
first_run fd b 7
run_restore b 7 --resume-code 7
first_run fd2 c 9
run_restore c 9
pass "checkpt() and checkpt_fd() returned 0, then 1 (or --resume-code 7) after restore; checkpt_fd2's code 9"
