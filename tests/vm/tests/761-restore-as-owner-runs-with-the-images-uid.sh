# Root restores another user's image with checkpt -r --as-owner: checkpt
# switches to the image's uid and gid (no supplementary groups) before the
# kernel sees it, and the restored process runs as that user, not as root.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
user_image 65534 "$WORK/nobody"
restore_prog "$WORK/nobody/img" mem_patterns --as-owner
grep -E '^(Uid|Gid|Groups):' "/proc/$PROG_PID/status"
[ "$(awk '/^Uid:/ {print $2, $3, $4, $5}' "/proc/$PROG_PID/status")" = "65534 65534 65534 65534" ] ||
	fail "the restored process does not run with uid 65534 (real, effective, saved, fs)"
[ "$(awk '/^Gid:/ {print $2, $3, $4, $5}' "/proc/$PROG_PID/status")" = "65534 65534 65534 65534" ] ||
	fail "the restored process does not run with gid 65534"
[ -z "$(awk '/^Groups:/ {print $2}' "/proc/$PROG_PID/status")" ] ||
	fail "the restored process kept supplementary groups"
[ "$(awk '/^CapEff:/ {print $2}' "/proc/$PROG_PID/status")" = 0000000000000000 ] ||
	fail "the restored process has capabilities"
finish_prog
pass "checkpt -r --as-owner restored uid 65534's image as uid 65534, gid 65534, no groups, no capabilities"
