// SPDX-License-Identifier: GPL-2.0
/*
 * kckpt.ko - process checkpoint/restore for Linux.
 *
 * This file owns the misc device /dev/kckpt and dispatches its ioctls. The
 * file_operations owner pins the module for as long as any file refers to
 * the device, so every ioctl runs with a module reference held and rmmod is
 * refused (EBUSY) while /dev/kckpt is open.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/file.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#include "kckpt.h"
#include "restore.h"

/*
 * kckpt_copy_struct_in - copy a size-prefixed ioctl structure from user space
 *
 * The first __u32 of every KCkpt structure is its size as the caller knows
 * it. A caller that knows less than @ksize bytes is refused (-EINVAL); one
 * that knows more is accepted only if the extra tail is zero (-E2BIG).
 */
int kckpt_copy_struct_in(void *dst, size_t ksize, const void __user *src)
{
	u32 usize;

	if (get_user(usize, (const u32 __user *)src))
		return -EFAULT;
	if (usize < ksize)
		return -EINVAL;
	return copy_struct_from_user(dst, ksize, src, usize);
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

static long kckpt_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case KCKPT_IOC_VERSION:
		return kckpt_ioc_version(uarg);
	case KCKPT_IOC_CHECKPOINT:
		return kckpt_ioc_checkpoint(uarg);
	case KCKPT_IOC_RESTORE_BEGIN:
		return kckpt_ioc_restore_begin(file, uarg);
	case KCKPT_IOC_RESTORE_NOTE:
		return kckpt_ioc_restore_note(file, uarg);
	case KCKPT_IOC_RESTORE_FINISH:
		return kckpt_ioc_restore_finish(file, uarg);
	case KCKPT_IOC_REQUEST:
		return kckpt_ioc_request(uarg);
	default:
		return -ENOTTY;
	}
}

/* private_data holds this open file's restore session, if any. */
static int kckpt_open(struct inode *inode, struct file *file)
{
	file->private_data = NULL;
	return 0;
}

static int kckpt_release(struct inode *inode, struct file *file)
{
	kckpt_session_free(file->private_data);
	return 0;
}

static const struct file_operations kckpt_fops = {
	.owner		= THIS_MODULE,
	.open		= kckpt_open,
	.release	= kckpt_release,
	.unlocked_ioctl	= kckpt_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

bool kckpt_file_is_device(const struct file *f)
{
	return f->f_op == &kckpt_fops;
}

/* Anyone may open the device; each operation checks its own permission. */
static struct miscdevice kckpt_miscdev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= KCKPT_DEVICE_NAME,
	.fops	= &kckpt_fops,
	.mode	= 0666,
};

static int __init kckpt_init(void)
{
	int err;

	err = misc_register(&kckpt_miscdev);
	if (err) {
		pr_err("cannot register /dev/%s: %d\n", KCKPT_DEVICE_NAME, err);
		return err;
	}
	pr_info("version %s loaded, ABI %d\n", KCKPT_MODULE_VERSION,
		KCKPT_ABI_VERSION);
	return 0;
}

static void __exit kckpt_exit(void)
{
	misc_deregister(&kckpt_miscdev);
	pr_info("unloaded\n");
}

module_init(kckpt_init);
module_exit(kckpt_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("KCkpt developers");
MODULE_DESCRIPTION("Process checkpoint/restore (KCkpt)");
MODULE_VERSION(KCKPT_MODULE_VERSION);
