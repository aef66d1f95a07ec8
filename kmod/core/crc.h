/* SPDX-License-Identifier: GPL-2.0 */
/* crc32c of image data: one CPU, two CPUs, and while copying. */
#ifndef _KCKPT_CRC_H
#define _KCKPT_CRC_H

#include <linux/types.h>
#include <linux/workqueue.h>

struct page;

u32 kckpt_crc32c(u32 crc, const void *p, size_t len);
/*
 * The sum of A followed by B (@len2 bytes) from the sum of A (@crc1) and
 * the sum of B seeded with 0 (@crc2); raw sums, as kckpt_crc32c.
 */
u32 kckpt_crc32c_combine(u32 crc1, u32 crc2, u64 len2);

/*
 * The crc32c of a batch of pages, taken on another CPU during its write,
 * the last @mine pages by the writer once the write is done.
 */
struct kckpt_crc_job {
	struct work_struct work;
	struct page **pages;
	unsigned int n;
	unsigned int mine;
	bool queued;
	u32 crc;
};

/* The crc32c of @n pages added to @crc (raw, as kckpt_crc32c). */
u32 kckpt_crc_page_run(u32 crc, struct page **pages, unsigned int n);

/*
 * Copies @len bytes from @src to @dst and returns the crc32c of them added
 * to @crc (raw, as kckpt_crc32c): one pass over the data.
 */
u32 kckpt_crc32c_copy(u32 crc, void *dst, const void *src, size_t len);

#endif /* _KCKPT_CRC_H */
