/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shared bottom of kckpt.ko: what every part (the ioctls, checkpoint/,
 * dump/, restore/) may use. Nothing here calls up into those parts.
 */
#ifndef _KCKPT_INTERNAL_H
#define _KCKPT_INTERNAL_H

#include <linux/gfp.h>
#include <linux/types.h>
#include <uapi/kckpt.h>

/* Feature bits this build of the module really implements. */
#define KCKPT_FEATURES_IMPLEMENTED	(KCKPT_FEAT_CHECKPOINT | KCKPT_FEAT_RESTORE | \
					 KCKPT_FEAT_REQUEST | KCKPT_FEAT_RESTORE_DRY_RUN)

/*
 * For memory whose size an image, an ioctl or the target process decides:
 * charged to the caller's memory cgroup, and no allocation warning when a
 * hostile size cannot be had (the caller gets -ENOMEM and a reason).
 */
#define KCKPT_GFP_SIZED		(GFP_KERNEL_ACCOUNT | __GFP_NOWARN)

struct file;
struct file_operations;

/*
 * An ioctl's user argument: where it is and its size as the caller's ioctl
 * number encodes it (_IOC_SIZE), which may be shorter (an older caller) or
 * longer (a newer one) than the module's structure.
 */
struct kckpt_uarg {
	void __user *ptr;
	u32 size;
};

/* work.c: the module's workqueue (unbound), made at load */
struct workqueue_struct;
extern struct workqueue_struct *kckpt_wq;
int kckpt_wq_init(void);
void kckpt_wq_exit(void);

/* mm_sharer.c: the tgid of another process using @mm, or 0 */
struct mm_struct;
pid_t kckpt_mm_sharer(struct mm_struct *mm);

/* uarg.c */
int kckpt_copy_struct_in(void *dst, size_t ksize, const struct kckpt_uarg *ua);
int kckpt_copy_struct_out(const struct kckpt_uarg *ua, const void *src,
			  size_t ksize);
void kckpt_set_device_fops(const struct file_operations *fops);
bool kckpt_file_is_device(const struct file *f);
bool kckpt_fd_is(int fd, struct file *file);

#endif /* _KCKPT_INTERNAL_H */
