// SPDX-License-Identifier: GPL-2.0
/* Image page data with direct I/O where the file system takes it. */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/uio.h>

#include "core/compat.h"
#include "core/direct_io.h"

void kckpt_dio_open(struct kckpt_dio *d, struct file *file, int how)
{
	struct inode *inode = file_inode(file);
	struct file *f;

	d->file = file;
	d->direct = NULL;
	d->direct_ok = false;
	/* a second open must not sidestep append-only or O_APPEND */
	if (!S_ISREG(inode->i_mode) || (file->f_flags & (O_DIRECT | O_APPEND)) ||
	    IS_APPEND(inode) || IS_IMMUTABLE(inode))
		return;
	f = dentry_open(&file->f_path, how | O_DIRECT | O_LARGEFILE,
			file->f_cred);
	if (IS_ERR(f))
		return;
	d->direct = f;
	d->direct_ok = true;
}

void kckpt_dio_close(struct kckpt_dio *d)
{
	if (d->direct)
		fput(d->direct);
	d->direct = NULL;
	d->direct_ok = false;
}

int kckpt_dio_rw(struct kckpt_dio *d, struct iov_iter *it, loff_t *pos)
{
	while (iov_iter_count(it)) {
		bool direct = kckpt_dio_is_direct(d);
		struct file *f = direct ? d->direct : d->file;
		ssize_t done = iov_iter_rw(it) == WRITE ?
			       kckpt_iter_write(f, it, pos) :
			       vfs_iter_read(f, it, pos, 0);

		if (done == -EINVAL && direct) {
			/* refused (alignment, say): the page cache, then */
			WRITE_ONCE(d->direct_ok, false);
			continue;
		}
		if (done <= 0)
			return done ?: -EIO;
	}
	return 0;
}

void kckpt_bvec_of_pages(struct bio_vec *bv, struct page **pages,
			 unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		bv[i] = (struct bio_vec) {
			.bv_page = pages[i], .bv_len = PAGE_SIZE,
		};
}
