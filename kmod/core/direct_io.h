/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page data to and from an image file, with direct I/O where the file
 * system takes it: the device copies the pages and the page cache is left
 * alone (an image is written once and read once). Shared by the writer
 * (dump/image.c) and the restore's page fill (restore/fill.c).
 */
#ifndef KCKPT_DIRECT_IO_H
#define KCKPT_DIRECT_IO_H

#include <linux/bvec.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct file;
struct iov_iter;
struct page;

/*
 * An image file and the same file opened again O_DIRECT (@direct, or
 * NULL): I/O goes through @direct until the file system refuses one
 * (-EINVAL: alignment), then through @file. Two threads may share one
 * (the restore's two fill lanes): @direct_ok is read and cleared once.
 */
struct kckpt_dio {
	struct file *file;
	struct file *direct;
	bool direct_ok;
};

/*
 * @how is O_RDONLY or O_WRONLY. No direct I/O for what must not be
 * bypassed (O_APPEND, append-only or immutable files) or is not a
 * regular file: then @file alone.
 */
void kckpt_dio_open(struct kckpt_dio *d, struct file *file, int how);
void kckpt_dio_close(struct kckpt_dio *d);

static inline bool kckpt_dio_is_direct(const struct kckpt_dio *d)
{
	return READ_ONCE(d->direct_ok);
}

/* Reads or writes (as @it goes) all of @it at *@pos. */
int kckpt_dio_rw(struct kckpt_dio *d, struct iov_iter *it, loff_t *pos);

/* @bv[i] covers all of @pages[i], for an ITER_BVEC over the pages. */
void kckpt_bvec_of_pages(struct bio_vec *bv, struct page **pages,
			 unsigned int n);

#endif
