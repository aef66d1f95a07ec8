// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/kckpt's ioctl dispatch. The command is found by its number alone
 * (_IOC_NR), not by the size encoded beside it: a caller built against an
 * older header (a shorter structure) or a newer one (a longer structure)
 * still reaches its handler, which copies exactly _IOC_SIZE(cmd) bytes
 * with kckpt_copy_struct_in() (core/uarg.c). A structure shorter than the
 * first version of the ABI defined is refused.
 */
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/kernel.h>

#include "core/kckpt.h"
#include "checkpoint/checkpoint.h"
#include "restore/restore.h"
#include "ioctl.h"

struct kckpt_ioctl_desc {
	long (*fn)(struct file *dev, const struct kckpt_uarg *ua);
	u32 min_size;		/* the structure's size in ABI 1 */
	u32 max_size;		/* what a caller may pass (bounds the copy) */
};

#define KCKPT_IOCTL(nr, func, ver0) \
	[nr] = { .fn = func, .min_size = ver0, .max_size = PAGE_SIZE }

static const struct kckpt_ioctl_desc kckpt_ioctls[] = {
	KCKPT_IOCTL(KCKPT_NR_VERSION, kckpt_ioc_version,
		    KCKPT_VERSION_SIZE_VER0),
	KCKPT_IOCTL(KCKPT_NR_CHECKPOINT, kckpt_ioc_checkpoint,
		    KCKPT_CHECKPOINT_SIZE_VER0),
	KCKPT_IOCTL(KCKPT_NR_RESTORE_BEGIN, kckpt_ioc_restore_begin,
		    KCKPT_RESTORE_BEGIN_SIZE_VER0),
	KCKPT_IOCTL(KCKPT_NR_RESTORE_NOTE, kckpt_ioc_restore_note,
		    KCKPT_RESTORE_NOTE_SIZE_VER0),
	KCKPT_IOCTL(KCKPT_NR_RESTORE_FINISH, kckpt_ioc_restore_finish,
		    KCKPT_RESTORE_FINISH_SIZE_VER0),
	KCKPT_IOCTL(KCKPT_NR_REQUEST, kckpt_ioc_request,
		    KCKPT_REQUEST_SIZE_VER0),
};

long kckpt_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	const struct kckpt_ioctl_desc *d;
	struct kckpt_uarg ua = {
		.ptr = (void __user *)arg,
		.size = _IOC_SIZE(cmd),
	};
	unsigned int nr = _IOC_NR(cmd);

	if (_IOC_TYPE(cmd) != KCKPT_IOC_MAGIC ||
	    _IOC_DIR(cmd) != (_IOC_READ | _IOC_WRITE) ||
	    nr >= ARRAY_SIZE(kckpt_ioctls) || !kckpt_ioctls[nr].fn)
		return -ENOTTY;
	d = &kckpt_ioctls[nr];
	if (ua.size < d->min_size || ua.size > d->max_size)
		return -EINVAL;
	return d->fn(file, &ua);
}
