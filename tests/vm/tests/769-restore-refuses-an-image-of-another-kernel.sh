# An image written under another kernel is refused with exit 5 and a
# message naming both kernels: by checkpt -r, which checks first, and by
# the module itself (kckpt-restore alone). Real images, not patched ones:
# every run leaves an image of its own kernel in $KCKPT_OUT/cross/, which
# the harness keeps in build/vm/cross/ for the other kernels' runs (the
# checkout, and so build/vm/cross/, is shared read-only with the guest).
# Where no other kernel has left one yet (the first kernel ever run from
# this checkout), the test is skipped, never passed.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
RESTORE_HELPER=$KCKPT_ROOT/build/bin/kckpt-restore
here=$(uname -r)

# refused_naming REL HERE CMD...: exit 5 and a message naming both kernels
refused_naming() {
	local rel=$1 this=$2 out rc
	shift 2
	out=$("$@" 2>&1 </dev/null)
	rc=$?
	echo "$*: exit $rc: $out"
	[ $rc -eq 5 ] || fail "$*: exit $rc, expected 5 (refused)"
	echo "$out" | grep -qi kernel || fail "$*: the refusal does not say it is the kernel"
	echo "$out" | grep -qF -- "$rel" || fail "$*: the refusal does not name the image's kernel $rel"
	echo "$out" | grep -qF -- "$this" || fail "$*: the refusal does not name this kernel $this"
}

# this kernel's image, for the other kernels' runs
start_prog sleeper
kill_checkpoint "$PROG_PID" "$WORK/img"
mkdir -p "$KCKPT_OUT/cross" &&
	cp "$WORK/img" "$KCKPT_OUT/cross/$here.ckpt" ||
	fail "cannot leave this kernel's image in $KCKPT_OUT/cross"

format=$(header_define KCKPT_FORMAT_VERSION)
tried=
for img in "$KCKPT_ROOT"/build/vm/cross/*.ckpt; do
	[ -f "$img" ] || continue
	rel=$(basename "$img" .ckpt)
	[ "$rel" = "$here" ] && continue
	"$CHECKPT" info "$img" >"$WORK/info.txt" 2>&1
	# left by a checkout whose image format differs: not this question
	if ! grep -q "^image: .*(format $format," "$WORK/info.txt"; then
		echo "ignoring $img: not image format $format"
		continue
	fi
	# the image really is that kernel's (its header, read without the module)
	grep -q "^kernel: *$rel " "$WORK/info.txt" ||
		fail "$img does not say it was written by $rel"
	cp "$img" "$WORK/other.ckpt"
	refused_naming "$rel" "$here" "$CHECKPT" -r "$WORK/other.ckpt"
	refused_naming "$rel" "$here" "$RESTORE_HELPER" "$WORK/other.ckpt"
	tried="$tried $rel"
done
[ -n "$tried" ] ||
	skip "no image of another kernel in build/vm/cross/ yet (run another kernel first)"
pass "images of${tried} refused on $here by checkpt -r and by the module, naming both kernels"
