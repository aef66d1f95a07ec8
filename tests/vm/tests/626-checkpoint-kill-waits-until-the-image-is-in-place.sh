# checkpt -c --kill kills the target only once its image is in place: when
# the image cannot be put where it was asked (here a directory is in the
# way, --force or not), the target runs on and no temporary is left. (The
# CLI used to rename the image after the kill: the target was gone and its
# image left under a temporary name.)
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog sleeper
mkdir "$WORK/in-the-way"
out=$("$CHECKPT" -c "$PROG_PID" -o "$WORK/in-the-way" --kill --force 2>&1); rc=$?
echo "exit $rc: $out"
[ $rc -ne 0 ] || fail "the checkpoint succeeded although a directory is in the image's way"
echo "$out" | grep -q 'in-the-way exists and is not a regular file' ||
	fail "the failure does not say the name is taken by something that is not a file"
kill -0 "$PROG_PID" 2>/dev/null || fail "the target was killed although its image is not in place"
left=$(ls -A "$WORK" | grep -v '^in-the-way$\|\.out$')
[ -z "$left" ] || fail "files were left behind: $left"
finish_prog
pass "--kill waits until the image is in place; a failure leaves the target running and nothing behind"
