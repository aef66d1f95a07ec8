# An image holds at most 4096 queued signals. A process with 5000 queued
# real-time signals is refused with a reason that says so (they used to be
# cut at 4096 without a word), no file is left, and the process runs on
# with every signal still queued.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog signal_flood
checkpoint_refused flood "signals are queued"
pass "5000 queued signals refused with a reason; the process ran on with them"
