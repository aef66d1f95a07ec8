# shellcheck shell=bash
# Helpers for the guest-side tests (sourced by each tests/vm/tests/*.sh).
# A test prints what it does, ends with "PASS: what it proved" and exit 0,
# or "FAIL: why" and a non-zero exit.
set -u
: "${KCKPT_ROOT:?}" "${KCKPT_RELEASE:?}"
CHECKPT="$KCKPT_ROOT/build/bin/checkpt"
KCKPT_KO="$KCKPT_ROOT/build/$KCKPT_RELEASE/kckpt.ko"
KCKPT_PROGS="$KCKPT_ROOT/build/tests"
KCKPT_HEADER="$KCKPT_ROOT/kmod/include/uapi/kckpt.h"

pass() { echo "PASS: $*"; exit 0; }
fail() { echo "FAIL: $*"; exit 1; }

module_loaded() { grep -q '^kckpt ' /proc/modules; }

unload_kckpt() {
	! module_loaded || rmmod kckpt || fail "rmmod kckpt failed"
}

# A freshly loaded module, whatever the previous test left.
fresh_kckpt() {
	unload_kckpt
	insmod "$KCKPT_KO" || fail "insmod $KCKPT_KO failed"
}

# header_define NAME: the value of a #define in the uapi header.
header_define() {
	awk -v n="$1" '$1 == "#define" && $2 == n {print $3; exit}' "$KCKPT_HEADER"
}
