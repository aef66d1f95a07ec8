// SPDX-License-Identifier: GPL-2.0
/*
 * A 256 GiB MAP_NORESERVE reservation, as a garbage-collected runtime makes
 * for its heap, written in three places only (its first page, a page at
 * 100 GiB, its last page). The checkpoint must step over the untouched
 * page tables rather than walk 64 Mi pages one at a time, and the restore
 * must bring the three pages back, the rest still untouched (zero), the
 * reservation still one mapping of the same size.
 *
 * usage: sparse_reserve
 */
#include <sys/mman.h>

#include "protocol.h"

#define RESERVE		(256UL << 30)
#define PAGE		4096UL

static const unsigned long spots[] = { 0, 100UL << 30, RESERVE - PAGE };

int main(void)
{
	unsigned char *heap;
	unsigned int i;
	long bad;

	proto_init();
	heap = mmap(NULL, RESERVE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (heap == MAP_FAILED)
		proto_fail("mmap of 256 GiB with MAP_NORESERVE");
	for (i = 0; i < sizeof(spots) / sizeof(spots[0]); i++)
		proto_fill(heap + spots[i], PAGE, 40 + i);
	proto_ready();
	proto_wait();
	for (i = 0; i < sizeof(spots) / sizeof(spots[0]); i++) {
		bad = proto_check(heap + spots[i], PAGE, 40 + i);
		if (bad >= 0)
			proto_fail("byte %ld of the page at +%lu GiB differs",
				   bad, spots[i] >> 30);
	}
	/* an untouched page between them still reads as zero */
	if (heap[(50UL << 30) + 123] != 0)
		proto_fail("an untouched page of the reservation is not zero");
	proto_pass("the three written pages of a 256 GiB reservation came back");
}
