/* SPDX-License-Identifier: GPL-2.0 */
/* Internal declarations shared by the files of kckpt.ko. */
#ifndef _KCKPT_INTERNAL_H
#define _KCKPT_INTERNAL_H

#include <linux/types.h>
#include <uapi/kckpt.h>

/* Feature bits this build of the module really implements. */
#define KCKPT_FEATURES_IMPLEMENTED	(KCKPT_FEAT_CHECKPOINT | KCKPT_FEAT_RESTORE)

struct file;
struct task_struct;
struct kckpt_dump_req;

/* crc.c */
u32 kckpt_crc32c(u32 crc, const void *p, size_t len);

/* main.c */
int kckpt_copy_struct_in(void *dst, size_t ksize, const void __user *src);
bool kckpt_file_is_device(const struct file *f);
bool kckpt_fd_is(int fd, struct file *file);

/* ioc_version.c, ioc_checkpoint.c */
long kckpt_ioc_version(void __user *uarg);
long kckpt_ioc_checkpoint(void __user *uarg);

/* park.c */
int kckpt_park_and_dump(struct task_struct *task, struct kckpt_dump_req *req,
			u32 timeout_ms);
void kckpt_after_dump(u32 flags);

#endif /* _KCKPT_INTERNAL_H */
