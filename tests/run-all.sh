#!/usr/bin/env bash
# The whole KCkpt suite (what `make test` and CI run): the host tests
# (xunit) and the VM tests on every supported kernel. Ends with one
# "N passed, N failed, N skipped" line for everything (skipped: VM tests
# that could not run on that kernel, never counted as passed); exits
# non-zero on any failure.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
results="$ROOT/build/host-tests"
rm -rf "$results"

echo "== host tests (dotnet test)"
dotnet test KCkpt.sln -c Release --nologo \
	--logger "trx;LogFileName=host.trx" --results-directory "$results"
host_rc=$?
read -r host_pass host_fail < <(sed -n 's/.*<Counters [^>]*passed="\([0-9]*\)" failed="\([0-9]*\)".*/\1 \2/p' \
	"$results/host.trx" 2>/dev/null)
host_pass=${host_pass:-0} host_fail=${host_fail:-0}
[ "$host_rc" -ne 0 ] && [ "$host_fail" -eq 0 ] && host_fail=1   # build error etc.
echo "host: $host_pass passed, $host_fail failed"

echo "== VM tests"
rm -f "$ROOT/build/vm/summary"
tests/vm/run.sh test
vm_rc=$?
read -r vm_pass vm_fail vm_skip <"$ROOT/build/vm/summary" 2>/dev/null
vm_pass=${vm_pass:-0} vm_fail=${vm_fail:-0} vm_skip=${vm_skip:-0}
[ "$vm_rc" -ne 0 ] && [ "$vm_fail" -eq 0 ] && vm_fail=1   # harness error

passed=$((host_pass + vm_pass)) failed=$((host_fail + vm_fail))
echo
echo "$passed passed, $failed failed, $vm_skip skipped"
[ "$failed" -eq 0 ]
