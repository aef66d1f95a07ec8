# A user's TIOCSETD 29 (here through `checkpt tty on`) never makes the
# kernel load kckpt_tty.ko, and kckpt.ko with it: the module has no
# tty-ldisc-29 alias, even where ldisc autoloading is on and the modules
# are installed. The user is told that root can load it.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
unload_kckpt
install_modules
echo 1 >/proc/sys/dev/tty/ldisc_autoload || fail "cannot turn ldisc autoloading on"
chmod 1777 "$WORK"
in_tty "HOME=$WORK setpriv --reuid=65534 --regid=65534 --clear-groups -- $CHECKPT tty on; echo rc=\$?" "$WORK/user.out"
! tty_module_loaded || fail "a user's TIOCSETD 29 loaded kckpt_tty.ko"
! module_loaded || fail "a user's TIOCSETD 29 loaded kckpt.ko"
grep -qx 'rc=3' "$WORK/user.out.txt" || fail "the user's tty on did not exit 3"
grep -q "^checkpt: kckpt_tty.ko is not loaded: root can load it with 'modprobe kckpt_tty'" "$WORK/user.out.txt" ||
	fail "the user is not told how the module is loaded"
pass "a user's TIOCSETD 29 loads nothing; the user is told root loads it"
