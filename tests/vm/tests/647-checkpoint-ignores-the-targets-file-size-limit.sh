# The image is written from the target's own context, but the target's
# RLIMIT_FSIZE is not the image's: a process limited to 1 MiB files with
# 8 MiB of memory is checkpointed (it used to be killed by SIGXFSZ, the
# checkpoint failing), restored, and still has its 1 MiB limit.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog fsize_limit
kill_checkpoint "$PROG_PID" "$WORK/img"
[ "$(stat -c %s "$WORK/img")" -gt $((8 << 20)) ] || fail "the image is smaller than the memory it holds"
restore_prog "$WORK/img" fsize_limit
finish_prog
pass "an image larger than the target's RLIMIT_FSIZE written, the limit kept"
