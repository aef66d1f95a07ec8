/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Checkpoint policy: who may checkpoint what, when the target is parked,
 * where a requested image goes. The writer (dump/) does the rest.
 */
#ifndef _KCKPT_CHECKPOINT_H
#define _KCKPT_CHECKPOINT_H

#include <linux/types.h>

struct file;
struct task_struct;
struct kckpt_dump_req;
struct kckpt_uarg;

/* req.c */
struct kckpt_dump_req *kckpt_dump_req_alloc(void);
void kckpt_dump_req_get(struct kckpt_dump_req *req);
void kckpt_dump_req_put(struct kckpt_dump_req *req);
void kckpt_after_dump(u32 flags);
int kckpt_checkpoint_here(struct kckpt_dump_req *req);

/* ioc_checkpoint.c */
long kckpt_ioc_checkpoint(struct file *dev, const struct kckpt_uarg *ua);
struct task_struct *kckpt_get_target(pid_t pid, int proof_fd,
				     struct kckpt_dump_req *req);
int kckpt_recheck_access(struct kckpt_dump_req *req);

/* request.c */
long kckpt_ioc_request(struct file *dev, const struct kckpt_uarg *ua);
void kckpt_request_signals(u32 *sigckpt, u32 *sigckptexit);

/* default_file.c */
int kckpt_checkpoint_to_default_file(struct kckpt_dump_req *req,
				     const char *template);

/* park.c */
int kckpt_park_and_dump(struct task_struct *task, struct kckpt_dump_req *req,
			u32 timeout_ms);
int kckpt_park_detached(struct task_struct *task, struct kckpt_dump_req *req);

#endif /* _KCKPT_CHECKPOINT_H */
