// SPDX-License-Identifier: GPL-2.0
/*
 * Copying ioctl structures in and out so that the ABI can grow, as
 * drm_ioctl() and dma_heap_ioctl() do: the size comes from the ioctl
 * number, a shorter (older) structure is zero-extended, a longer (newer)
 * one is accepted only if the part this module does not know is zero, and
 * the answer is cut to the caller's size.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

#include "core/kckpt.h"

/*
 * kckpt_copy_struct_in - copy an ioctl structure of @ua->size bytes into
 * the module's @ksize-byte @dst
 *
 * The structure's own first __u32 (its size field) must agree with the
 * size in the ioctl number (-EINVAL); a longer structure's unknown tail
 * must be zero (-E2BIG).
 */
int kckpt_copy_struct_in(void *dst, size_t ksize, const struct kckpt_uarg *ua)
{
	int err;

	err = copy_struct_from_user(dst, ksize, ua->ptr, ua->size);
	if (err)
		return err;
	if (*(u32 *)dst != ua->size)
		return -EINVAL;
	return 0;
}

/* The answer, cut to what the caller knows. */
int kckpt_copy_struct_out(const struct kckpt_uarg *ua, const void *src,
			  size_t ksize)
{
	if (copy_to_user(ua->ptr, src, min_t(size_t, ua->size, ksize)))
		return -EFAULT;
	return 0;
}

static const struct file_operations *kckpt_device_fops;

/* main.c tells which file operations are /dev/kckpt's. */
void kckpt_set_device_fops(const struct file_operations *fops)
{
	kckpt_device_fops = fops;
}

bool kckpt_file_is_device(const struct file *f)
{
	return f->f_op == kckpt_device_fops;
}

/* Does descriptor @fd of the current task refer to @file? */
bool kckpt_fd_is(int fd, struct file *file)
{
	struct file *f = fget_raw(fd);
	bool same = f == file;

	if (f)
		fput(f);
	return same;
}
