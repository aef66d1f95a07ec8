# Where kckpt_tty.ko is installed but not loaded, root's `checkpt tty on`
# loads it (modprobe) and switches the terminal.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
unload_kckpt
install_modules
in_tty "$CHECKPT tty on; echo rc=\$?; $CHECKPT tty status" "$WORK/on.out"
grep -qx 'rc=0' "$WORK/on.out.txt" || fail "root's tty on did not succeed"
tty_module_loaded || fail "kckpt_tty.ko is not loaded after root's tty on"
grep -q '^line discipline: 29 (kckpt)$' "$WORK/on.out.txt" || fail "the terminal is not on line discipline 29"
unload_kckpt
pass "root's checkpt tty on loaded kckpt_tty.ko and switched the terminal"
