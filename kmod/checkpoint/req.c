// SPDX-License-Identifier: GPL-2.0
/*
 * A checkpoint request's life cycle: allocated by the ioctl (or the
 * terminal's request), carried out in the target's context, freed by
 * whoever holds it last. What it asks of the writer is in dump/dump.h.
 */
#include <linux/file.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>

#include "dump/dump.h"
#include "checkpoint/checkpoint.h"
#include "checkpoint/image_file.h"

struct kckpt_dump_req *kckpt_dump_req_alloc(void)
{
	struct kckpt_dump_req *req = kzalloc(sizeof(*req), GFP_KERNEL);

	if (req)
		req->pidns = task_active_pid_ns(current);
	return req;
}

/* Frees @req; an image file it created and never committed is removed. */
void kckpt_dump_req_free(struct kckpt_dump_req *req)
{
	if (req->image)
		fput(req->image);
	kckpt_image_file_free(req->place);
	kfree(req->manifest);
	kfree(req);
}

/* After a successful dump: leave the process stopped or kill it if asked. */
void kckpt_after_dump(u32 flags)
{
	if (flags & KCKPT_CKPT_KILL)
		send_sig(SIGKILL, current, 1);
	else if (flags & KCKPT_CKPT_STOP)
		send_sig(SIGSTOP, current, 1);
}

/*
 * In the target's own context: write the image, put it in place when the
 * module created it, and only then stop or kill the target as asked.
 */
int kckpt_checkpoint_here(struct kckpt_dump_req *req)
{
	int err = kckpt_dump_current(req);

	if (!err && req->place)
		err = kckpt_image_file_commit(req);
	if (!err)
		kckpt_after_dump(req->flags);
	return err;
}
