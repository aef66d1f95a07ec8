// SPDX-License-Identifier: GPL-2.0
/*
 * crc32c for images. Two implementations: the SSE4.2 crc32 instruction (an
 * integer instruction: no FPU state to save) and the kernel's own
 * (kckpt_kernel_crc32c(): table-driven, or the kernel's pick since 6.14).
 * The first call times both on a few pages and keeps the
 * faster one, as the kernel's xor and raid6 code pick theirs: on hardware
 * crc32q wins several times over; a CPU that emulates it one bit at a
 * time (qemu's TCG) makes the tables win instead. Both give the same
 * result. Raw CRC, no inversion: callers seed with ~0 and invert.
 *
 * kckpt_crc32c_copy() copies while it sums: the restore fills pages so,
 * one pass over the data instead of a copy and a second pass (and a
 * copy by 8-byte words: the kernel's memcpy is rep movsb where the CPU
 * claims ERMS, which TCG runs one byte at a time). Its tables are ours,
 * slice-by-8, made at first use.
 *
 * kckpt_crc32c_combine() joins the sums of two adjacent pieces, so that two
 * CPUs can sum one run of pages: the kernel's combination where it has one,
 * else ours (kckpt_crc32c_combine_own(), see core/compat.h).
 */
#include <linux/crc32.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <asm/cpufeature.h>

#include "core/compat.h"
#include "core/crc.h"

#define KCKPT_CRC32C_POLY	0x82f63b78	/* reflected Castagnoli */

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
	return kckpt_kernel_crc32c(crc, p, len);
}

/* slice-by-8: tab[k][b] is the crc of byte b followed by k zero bytes */
static u32 kckpt_crc_tab[8][256];

static void kckpt_crc_make_tables(void)
{
	u32 c;
	int i, k;

	for (i = 0; i < 256; i++) {
		c = i;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (c & 1 ? KCKPT_CRC32C_POLY : 0);
		kckpt_crc_tab[0][i] = c;
	}
	for (i = 0; i < 256; i++)
		for (k = 1; k < 8; k++) {
			c = kckpt_crc_tab[k - 1][i];
			kckpt_crc_tab[k][i] = (c >> 8) ^ kckpt_crc_tab[0][c & 0xff];
		}
}

static u32 kckpt_crc32c_copy_table(u32 crc, void *dst, const void *src,
				   size_t len)
{
	const u32 (*t)[256] = kckpt_crc_tab;
	const u8 *s = src;
	u8 *d = dst;
	u64 w, x;

	for (; len >= 8; s += 8, d += 8, len -= 8) {
		w = *(const u64 *)s;	/* x86: unaligned is fine */
		*(u64 *)d = w;
		x = w ^ crc;
		crc = t[7][x & 0xff] ^ t[6][(x >> 8) & 0xff] ^
		      t[5][(x >> 16) & 0xff] ^ t[4][(x >> 24) & 0xff] ^
		      t[3][(x >> 32) & 0xff] ^ t[2][(x >> 40) & 0xff] ^
		      t[1][(x >> 48) & 0xff] ^ t[0][x >> 56];
	}
	for (; len; s++, d++, len--) {
		*d = *s;
		crc = (crc >> 8) ^ t[0][(crc ^ *s) & 0xff];
	}
	return crc;
}

static u32 kckpt_crc32c_copy_sse42(u32 crc, void *dst, const void *src,
				   size_t len)
{
	const u8 *s = src;
	u8 *d = dst;
	u64 c = crc, w;

	for (; len >= 8; s += 8, d += 8, len -= 8) {
		w = *(const u64 *)s;	/* x86: unaligned is fine */
		*(u64 *)d = w;
		asm("crc32q %1, %0" : "+r"(c) : "r"(w));
	}
	for (; len; s++, d++, len--) {
		*d = *s;
		asm("crc32b %1, %k0" : "+r"(c) : "rm"(*s));
	}
	return c;
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

	kckpt_crc_make_tables();
	if (boot_cpu_has(X86_FEATURE_XMM4_2) &&
	    kckpt_crc_probe(kckpt_crc32c_sse42) <=
	    kckpt_crc_probe(kckpt_crc32c_table))
		how = KCKPT_CRC_SSE42;
	pr_debug("crc32c: %s\n", how == KCKPT_CRC_SSE42 ? "sse4.2" : "tables");
	return how;
}

/* Chosen once; a race only means both racers time them (same result). */
static int kckpt_crc_impl;

static int kckpt_crc_how(void)
{
	/* pairs with the release below: a choice seen means tables made */
	int how = smp_load_acquire(&kckpt_crc_impl);

	if (unlikely(how == KCKPT_CRC_UNKNOWN)) {
		how = kckpt_crc_pick();
		/* publishes the tables kckpt_crc_pick() made */
		smp_store_release(&kckpt_crc_impl, how);
	}
	return how;
}

u32 kckpt_crc32c(u32 crc, const void *p, size_t len)
{
	if (kckpt_crc_how() == KCKPT_CRC_SSE42)
		return kckpt_crc32c_sse42(crc, p, len);
	return kckpt_crc32c_table(crc, p, len);
}

u32 kckpt_crc32c_copy(u32 crc, void *dst, const void *src, size_t len)
{
	if (kckpt_crc_how() == KCKPT_CRC_SSE42)
		return kckpt_crc32c_copy_sse42(crc, dst, src, len);
	return kckpt_crc32c_copy_table(crc, dst, src, len);
}

/* a * b modulo the polynomial, both reflected (bit 31 is x^0) */
static u32 kckpt_crc_mulmod(u32 a, u32 b)
{
	u32 m = 1U << 31, p = 0;

	for (; m; m >>= 1) {
		if (a & m)
			p ^= b;
		b = b & 1 ? (b >> 1) ^ KCKPT_CRC32C_POLY : b >> 1;
	}
	return p;
}

/* x^(8 * @len) modulo the polynomial, by squaring */
static u32 kckpt_crc_x8n(u64 len)
{
	u32 sq = 1U << 23;	/* x^8 */
	u32 p = 1U << 31;	/* x^0 */

	for (; len; len >>= 1) {
		if (len & 1)
			p = kckpt_crc_mulmod(sq, p);
		sq = kckpt_crc_mulmod(sq, sq);
	}
	return p;
}

u32 kckpt_crc32c_combine_own(u32 crc1, u32 crc2, u64 len2)
{
	return kckpt_crc_mulmod(kckpt_crc_x8n(len2), crc1) ^ crc2;
}

u32 kckpt_crc32c_combine(u32 crc1, u32 crc2, u64 len2)
{
	return kckpt_compat_crc32c_combine(crc1, crc2, len2);
}
