# An unprivileged caller whose permission was checked against a process
# never gets an image of what that process became by exec'ing a
# setuid-root program in between: the module checks again in the target,
# before writing a byte, and refuses with a reason. Requests race the
# exec (exec_setuid_race: a child opens the window by copying 1.5 MiB of
# arguments in execve); no image ever shows euid 0, the setuid program
# or its memory, and every refusal says why.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
as_nobody() { HOME=$WORK setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
chmod 1777 "$WORK"
# /tmp is a tmpfs without nosuid: the copy really runs as root
mkdir "$WORK/bin"
cp "$KCKPT_PROGS/suid_target" "$WORK/bin/suid_target"
chown root:root "$WORK/bin/suid_target"
chmod 4755 "$WORK/bin/suid_target"
findmnt -no OPTIONS -T "$WORK/bin" | grep -qw nosuid && fail "$WORK is on a nosuid file system"

as_nobody "$KCKPT_PROGS/exec_setuid_race" "$WORK/bin/suid_target" "$WORK" 8 \
	</dev/null >"$WORK/race.out" 2>&1
cat "$WORK/race.out"
grep -q '^PASS' "$WORK/race.out" || fail "an image leaked the setuid program, or a refusal had no reason"
[ -z "$(ls "$WORK" | grep '\.img$')" ] || fail "images were left behind: $(ls "$WORK")"
pass "no image of a process that exec'd a setuid program after the permission check"
