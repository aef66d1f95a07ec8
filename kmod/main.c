// SPDX-License-Identifier: GPL-2.0
/*
 * kckpt.ko - process checkpoint/restore for Linux.
 *
 * This file owns the misc device /dev/kckpt (its ioctls: ioctl.c). The
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

#include "core/kckpt.h"
#include "restore/restore.h"
#include "ioctl.h"

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

	kckpt_set_device_fops(&kckpt_fops);
	err = kckpt_wq_init();
	if (err)
		return err;
	err = misc_register(&kckpt_miscdev);
	if (err) {
		pr_err("cannot register /dev/%s: %d\n", KCKPT_DEVICE_NAME, err);
		kckpt_wq_exit();
		return err;
	}
	pr_info("version %s loaded, ABI %d\n", KCKPT_MODULE_VERSION,
		KCKPT_ABI_VERSION);
	return 0;
}

static void __exit kckpt_exit(void)
{
	misc_deregister(&kckpt_miscdev);
	kckpt_wq_exit();
	pr_info("unloaded\n");
}

module_init(kckpt_init);
module_exit(kckpt_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("KCkpt developers");
MODULE_DESCRIPTION("Process checkpoint/restore (KCkpt)");
MODULE_VERSION(KCKPT_MODULE_VERSION);
