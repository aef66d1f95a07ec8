/* SPDX-License-Identifier: GPL-2.0 */
/* Internal declarations shared by the files of kckpt.ko. */
#ifndef _KCKPT_INTERNAL_H
#define _KCKPT_INTERNAL_H

#include <linux/types.h>
#include <uapi/kckpt.h>

/* Feature bits this build of the module really implements. */
#define KCKPT_FEATURES_IMPLEMENTED	(KCKPT_FEAT_CHECKPOINT | KCKPT_FEAT_RESTORE | \
					 KCKPT_FEAT_REQUEST)

struct file;
struct task_struct;
struct kckpt_dump_req;

/* crc.c */
u32 kckpt_crc32c(u32 crc, const void *p, size_t len);
/*
 * The sum of A followed by B (@len2 bytes) from the sum of A (@crc1) and
 * the sum of B seeded with 0 (@crc2); raw sums, as kckpt_crc32c.
 */
u32 kckpt_crc32c_combine(u32 crc1, u32 crc2, u64 len2);

/* main.c */
int kckpt_copy_struct_in(void *dst, size_t ksize, const void __user *src);
bool kckpt_file_is_device(const struct file *f);
bool kckpt_fd_is(int fd, struct file *file);

/* ioc_version.c, ioc_checkpoint.c, request.c */
long kckpt_ioc_version(void __user *uarg);
long kckpt_ioc_checkpoint(void __user *uarg);
struct task_struct *kckpt_get_target(pid_t pid, int proof_fd,
				     struct kckpt_dump_req *req);
long kckpt_ioc_request(void __user *uarg);

/* default_file.c */
int kckpt_checkpoint_to_default_file(struct kckpt_dump_req *req,
				     const char *template);

/* park.c */
int kckpt_park_and_dump(struct task_struct *task, struct kckpt_dump_req *req,
			u32 timeout_ms);
int kckpt_park_detached(struct task_struct *task, struct kckpt_dump_req *req);
void kckpt_after_dump(u32 flags);

#endif /* _KCKPT_INTERNAL_H */
