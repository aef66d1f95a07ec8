// SPDX-License-Identifier: GPL-2.0
/*
 * crc32c for images. Two implementations: the SSE4.2 crc32 instruction (an
 * integer instruction: no FPU state to save) and the kernel's table-driven
 * __crc32c_le. The first call times both on a few pages and keeps the
 * faster one, as the kernel's xor and raid6 code pick theirs: on hardware
 * crc32q wins several times over; a CPU that emulates it one bit at a
 * time (qemu's TCG) makes the tables win instead. Both give the same
 * result. Raw CRC, no inversion: callers seed with ~0 and invert.
 */
#include <linux/crc32.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <asm/cpufeature.h>

#include "kckpt.h"

#define KCKPT_CRC_PROBE_BYTES	(4 * PAGE_SIZE)

typedef u32 (*kckpt_crc_fn)(u32 crc, const void *p, size_t len);

static u32 kckpt_crc32c_sse42(u32 crc, const void *buf, size_t len)
{
	const u8 *p = buf;
	u64 c = crc;

	for (; len >= 8; p += 8, len -= 8)
		asm("crc32q %1, %0" : "+r"(c) : "rm"(*(const u64 *)p));
	for (; len; p++, len--)
		asm("crc32b %1, %k0" : "+r"(c) : "rm"(*p));
	return c;
}

static u32 kckpt_crc32c_table(u32 crc, const void *p, size_t len)
{
	return __crc32c_le(crc, p, len);
}

/* Nanoseconds of the fastest of three runs of @fn over the zero page. */
static u64 kckpt_crc_probe(kckpt_crc_fn fn)
{
	const void *zero = page_address(ZERO_PAGE(0));
	u64 best = U64_MAX, t;
	u32 crc = ~0U;
	int run, i;

	for (run = 0; run < 3; run++) {
		t = ktime_get_ns();
		for (i = 0; i < KCKPT_CRC_PROBE_BYTES / PAGE_SIZE; i++)
			crc = fn(crc, zero, PAGE_SIZE);
		t = ktime_get_ns() - t;
		best = min(best, t);
	}
	barrier_data(&crc);
	return best;
}

enum { KCKPT_CRC_UNKNOWN, KCKPT_CRC_SSE42, KCKPT_CRC_TABLE };

static int kckpt_crc_pick(void)
{
	int how = KCKPT_CRC_TABLE;

	if (boot_cpu_has(X86_FEATURE_XMM4_2) &&
	    kckpt_crc_probe(kckpt_crc32c_sse42) <=
	    kckpt_crc_probe(kckpt_crc32c_table))
		how = KCKPT_CRC_SSE42;
	pr_debug("crc32c: %s\n", how == KCKPT_CRC_SSE42 ? "sse4.2" : "tables");
	return how;
}

/* Chosen once; a race only means both racers time them (same result). */
static int kckpt_crc_impl;

u32 kckpt_crc32c(u32 crc, const void *p, size_t len)
{
	int how = READ_ONCE(kckpt_crc_impl);

	if (unlikely(how == KCKPT_CRC_UNKNOWN)) {
		how = kckpt_crc_pick();
		WRITE_ONCE(kckpt_crc_impl, how);
	}
	if (how == KCKPT_CRC_SSE42)
		return kckpt_crc32c_sse42(crc, p, len);
	return kckpt_crc32c_table(crc, p, len);
}
