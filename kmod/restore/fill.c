// SPDX-License-Identifier: GPL-2.0
/*
 * The restore's page fill: every saved page of the image into the memory
 * FINISH has just mapped, each segment's crc32c checked. The image is read
 * straight into the process's pages (direct I/O where the file system has
 * it, on two CPUs), or, where it has none (tmpfs), copied from the image
 * mapped, summing while copying. Pages are faulted in as ptrace writes them
 * (FOLL_FORCE: read-only and PROT_NONE mappings too).
 */
#include <linux/bvec.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/uio.h>
#include <linux/workqueue.h>

#include "core/compat.h"
#include "core/crc.h"
#include "core/direct_io.h"
#include "core/kckpt.h"
#include "restore/restore.h"

/* FINISH's fill: its session and its KCKPT_FILL_BUF bytes of page arrays */
struct kckpt_fill {
	struct kckpt_session *s;
	u8 *buf;
};

/*
 * A run of pages a read fill brings back, by the ioctl's thread or by a
 * worker on another CPU meanwhile: @nr pages at @vaddr from the image at
 * @off, and their crc32c (seeded with 0).
 */
struct kckpt_fill_lane {
	struct work_struct work;
	struct kckpt_fill_src *src;
	struct page **pages;	/* KCKPT_FILL_PAGES of them */
	struct bio_vec *bv;	/* as many */
	u64 vaddr;
	loff_t off;
	unsigned long nr;
	u32 crc;
	int err;
};

/*
 * Where the pages come from: the image (with direct I/O where its file
 * system takes it) or the image mapped at @map.
 */
struct kckpt_fill_src {
	struct kckpt_dio io;
	unsigned long map;
	struct mm_struct *mm;
	struct kckpt_fill_lane lanes[2];
};

/* Faults in (and unshares) up to @nr pages at @vaddr for writing. */
static long kckpt_fill_gup(struct mm_struct *mm, u64 vaddr, unsigned long nr,
			   struct page **pages)
{
	long got;

	mmap_read_lock(mm);
	got = kckpt_gup(mm, vaddr, nr, FOLL_WRITE | FOLL_FORCE, pages);
	mmap_read_unlock(mm);
	return got ?: -EFAULT;
}

static void kckpt_fill_put(struct page **pages, long n, bool filled)
{
	long i;

	for (i = 0; i < n; i++) {
		if (filled && !PageAnon(pages[i]))
			set_page_dirty_lock(pages[i]);
		put_page(pages[i]);
	}
}

/*
 * Fills a lane's pages: they are faulted in (and copy-on-write broken,
 * FOLL_FORCE as ptrace writes: read-only and PROT_NONE mappings too), the
 * image is read straight into them, an ITER_BVEC: one copy, no bounce
 * buffer, and none at all from the image opened O_DIRECT; then their
 * crc32c is taken on their kernel mapping.
 */
static int kckpt_fill_lane(struct kckpt_fill_lane *l)
{
	unsigned long done = 0;
	struct iov_iter it;
	long got;
	int err;

	l->crc = 0;
	while (done < l->nr) {
		got = kckpt_fill_gup(l->src->mm, l->vaddr + done * PAGE_SIZE,
				     l->nr - done, l->pages);
		if (got < 0)
			return got;
		kckpt_bvec_of_pages(l->bv, l->pages, got);
		iov_iter_bvec(&it, ITER_DEST, l->bv, got, got * PAGE_SIZE);
		err = kckpt_dio_rw(&l->src->io, &it, &l->off);
		if (!err)
			l->crc = kckpt_crc_page_run(l->crc, l->pages, got);
		kckpt_fill_put(l->pages, got, !err);
		if (err)
			return err;
		done += got;
	}
	return 0;
}

static void kckpt_fill_lane_work(struct work_struct *work)
{
	struct kckpt_fill_lane *l = container_of(work, struct kckpt_fill_lane,
						 work);

	l->err = kckpt_fill_lane(l);
}

/*
 * Fills up to two batches at @vaddr from the image at *@off and adds them
 * to *@crc; returns how many pages. The second batch goes to a worker on
 * another CPU. Faulting the pages in (zeroing them first) costs more than
 * their crc32c: rather than one CPU faulting and the other summing, each
 * does both for its own batch, and the two sums are combined in order.
 */
static long kckpt_fill_pages_read(struct kckpt_fill_src *src, u64 vaddr,
				  loff_t *off, unsigned long nr, u32 *crc)
{
	struct kckpt_fill_lane *a = &src->lanes[0], *b = &src->lanes[1];
	unsigned long rest;

	a->vaddr = vaddr;
	a->off = *off;
	a->nr = min_t(unsigned long, nr, KCKPT_FILL_PAGES);
	rest = nr - a->nr;
	if (rest) {
		b->vaddr = vaddr + a->nr * PAGE_SIZE;
		b->off = *off + a->nr * PAGE_SIZE;
		b->nr = min_t(unsigned long, rest, KCKPT_FILL_PAGES);
		queue_work(kckpt_wq, &b->work);
	}
	a->err = kckpt_fill_lane(a);
	if (rest)
		flush_work(&b->work);
	if (a->err || (rest && b->err))
		return a->err ?: b->err;
	*crc = kckpt_crc32c_combine(*crc, a->crc, (u64)a->nr * PAGE_SIZE);
	if (rest)
		*crc = kckpt_crc32c_combine(*crc, b->crc,
					    (u64)b->nr * PAGE_SIZE);
	*off += (a->nr + (rest ? b->nr : 0)) * PAGE_SIZE;
	return a->nr + (rest ? b->nr : 0);
}

/*
 * The same from the image mapped at @map: each page is copied from
 * the image's page to the process's and its crc32c taken in one pass over
 * the data, instead of a copy and then a second pass for the crc32c.
 */
static long kckpt_fill_pages_mapped(struct kckpt_fill *f, unsigned long map,
				    u64 vaddr, loff_t *off, unsigned long nr,
				    u32 *crc)
{
	struct page **pages = (struct page **)f->buf;
	struct page **src = pages + KCKPT_FILL_PAGES;
	struct mm_struct *mm = current->mm;
	long got, have, i;

	nr = min_t(unsigned long, nr, KCKPT_FILL_PAGES);
	got = kckpt_fill_gup(mm, vaddr, nr, pages);
	if (got < 0)
		return got;
	mmap_read_lock(mm);
	have = kckpt_gup(mm, map + *off, got, 0, src);
	mmap_read_unlock(mm);
	if (have <= 0) {
		kckpt_fill_put(pages, got, false);
		return have ?: -EFAULT;
	}
	for (i = 0; i < have; i++) {
		const void *from = kckpt_kmap(src[i]);
		void *to = kckpt_kmap(pages[i]);

		*crc = kckpt_crc32c_copy(*crc, to, from, PAGE_SIZE);
		kckpt_kunmap(to);
		kckpt_kunmap(from);
		put_page(src[i]);
	}
	kckpt_fill_put(pages, have, true);
	kckpt_fill_put(pages + have, got - have, false);
	*off += have << PAGE_SHIFT;
	return have;
}

static long kckpt_fill_pages(struct kckpt_fill *f,
			     struct kckpt_fill_src *src, u64 vaddr,
			     loff_t *off, unsigned long nr, u32 *crc)
{
	if (src->map)
		return kckpt_fill_pages_mapped(f, src->map, vaddr, off, nr, crc);
	return kckpt_fill_pages_read(src, vaddr, off, nr, crc);
}

static int kckpt_fill_segment(struct kckpt_fill *f,
			      struct kckpt_fill_src *src,
			      const struct kckpt_segment *g)
{
	loff_t off = g->offset;
	u64 done = 0;
	u32 crc = ~0U;

	while (done < g->size) {
		unsigned long nr = min_t(u64, 2 * KCKPT_FILL_PAGES,
					 (g->size - done) >> PAGE_SHIFT);
		long got = kckpt_fill_pages(f, src, g->vaddr + done, &off,
					  nr, &crc);

		if (got < 0)
			return got;
		done += (u64)got << PAGE_SHIFT;
		if (fatal_signal_pending(current))
			return -EINTR;
		cond_resched();
	}
	return ~crc == g->crc32c ? 0 : -EBADMSG;
}

/*
 * The image mapped read-only (shared: its page cache, no copy) for the
 * time of the fill when its file system allows, or 0: it is read then.
 */
static unsigned long kckpt_map_image(struct kckpt_fill *f)
{
	unsigned long len = PAGE_ALIGN(f->s->image_size), addr;

	if (!len || len < f->s->image_size)
		return 0;
	addr = vm_mmap(f->s->image, 0, len, PROT_READ, MAP_SHARED, 0);
	return IS_ERR_VALUE(addr) ? 0 : addr;
}

/*
 * Direct I/O first: the device writes the pages and only the crc32c reads
 * them. Where the file system has none (tmpfs), the page cache mapped.
 */
static void kckpt_fill_src_open(struct kckpt_fill *f,
				struct kckpt_fill_src *src)
{
	struct page **pages = (struct page **)f->buf;
	struct bio_vec *bv = (struct bio_vec *)(pages + 2 * KCKPT_FILL_PAGES);
	int i;

	memset(src, 0, sizeof(*src));
	src->mm = current->mm;
	kckpt_dio_open(&src->io, f->s->image, O_RDONLY);
	src->map = src->io.direct ? 0 : kckpt_map_image(f);
	for (i = 0; i < ARRAY_SIZE(src->lanes); i++) {
		src->lanes[i].src = src;
		src->lanes[i].pages = pages + i * KCKPT_FILL_PAGES;
		src->lanes[i].bv = bv + i * KCKPT_FILL_PAGES;
		INIT_WORK_ONSTACK(&src->lanes[i].work, kckpt_fill_lane_work);
	}
}

static void kckpt_fill_src_close(struct kckpt_fill *f,
				 struct kckpt_fill_src *src)
{
	int i;

	kckpt_dio_close(&src->io);
	if (src->map)
		vm_munmap(src->map, PAGE_ALIGN(f->s->image_size));
	for (i = 0; i < ARRAY_SIZE(src->lanes); i++)
		destroy_work_on_stack(&src->lanes[i].work);
}

int kckpt_fill_memory(struct kckpt_session *s, void *buf)
{
	struct kckpt_fill fill = { .s = s, .buf = buf }, *f = &fill;
	struct kckpt_fill_src src;
	int i, v = 0, err = 0;

	kckpt_fill_src_open(f, &src);
	for (i = 0; i < f->s->nr_segs && !err; i++) {
		const struct kckpt_segment *g = &f->s->segs[i];

		/* segments are sorted and each lies in one VMA (checked) */
		while (f->s->vmas[v].v.end <= g->vaddr)
			v++;
		if (f->s->vmas[v].v.kind == KCKPT_VMA_VDSO)
			continue;	/* the live vdso is this kernel's */
		err = kckpt_fill_segment(f, &src, g);
	}
	kckpt_fill_src_close(f, &src);
	return err;
}

