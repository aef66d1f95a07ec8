# Anonymous, heap, stack, dirty private-file, PROT_NONE-neighbour and
# mprotect-split memory is in the image byte for byte (read back with gdb);
# a 512 MiB region with 1 MiB touched costs about 1 MiB; the process runs
# on correctly after the checkpoint.
. "$KCKPT_ROOT/tests/vm/guest/lib.sh"
fresh_kckpt
start_prog mem_patterns "$WORK"
checkpoint "$PROG_PID" "$WORK/img"
"$CHECKPT" verify "$WORK/img" || fail "checkpt verify rejects the image"

cmds=()
while read -r name addr len; do
	cmds+=("dump binary memory $WORK/$name.got $addr $addr+$len")
done <"$WORK/regions"
gdb_batch "$KCKPT_PROGS/mem_patterns" "$WORK/img" "${cmds[@]}" >"$WORK/gdb.out"
while read -r name addr len; do
	cmp -s "$WORK/$name.bin" "$WORK/$name.got" ||
		{ cat "$WORK/gdb.out"; fail "region $name ($addr, $len bytes) differs in the image"; }
done <"$WORK/regions"

size=$(stat -c %s "$WORK/img")
echo "image: $size bytes"
[ "$size" -lt $((8 << 20)) ] || fail "image is $size bytes: untouched pages were saved"
finish_prog
pass "$(wc -l <"$WORK/regions") regions match the image; image $((size >> 10)) KiB"
