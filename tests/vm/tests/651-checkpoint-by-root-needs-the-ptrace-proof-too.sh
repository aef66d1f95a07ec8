# Root's raw KCKPT_IOC_CHECKPOINT without an open /proc/PID/mem is refused
# like anyone's, naming the proof: opening that file is where Yama and the
# LSMs judge ptrace access, and capabilities must not step around them.
# No image is left and the target runs on; with the proof it is imaged.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog sleeper
expect_refusal /proc/ "$KCKPT_PROGS/raw_checkpoint" "$PROG_PID" "$WORK/img" noproof
[ ! -e "$WORK/img" ] || fail "an image was left behind by the refused checkpoint"
kill -0 "$PROG_PID" || fail "the target is gone after the refusal"
out=$("$KCKPT_PROGS/raw_checkpoint" "$PROG_PID" "$WORK/img" proof) ||
	fail "root with the proof was refused: $out"
echo "$out"
[ -s "$WORK/img" ] || fail "no image after the checkpoint with the proof"
finish_prog
pass "root needs the /proc/PID/mem proof; with it the checkpoint goes through"
