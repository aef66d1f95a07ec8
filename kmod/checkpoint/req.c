// SPDX-License-Identifier: GPL-2.0
/*
 * A checkpoint request's life cycle: allocated by the ioctl (or the
 * terminal's request), carried out in the target's context, freed by
 * whoever holds it last (the caller, or the parked work when the caller
 * was killed or never waited). What it asks of the writer is in dump/dump.h.
 */
#include <linux/file.h>
#include <linux/pid_namespace.h>
#include <linux/sched/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>

#include "dump/dump.h"
#include "checkpoint/checkpoint.h"
#include "checkpoint/image_file.h"

struct kckpt_dump_req *kckpt_dump_req_alloc(void)
{
	struct kckpt_dump_req *req = kzalloc(sizeof(*req), GFP_KERNEL);

	if (req) {
		kref_init(&req->ref);
		req->pidns = task_active_pid_ns(current);
	}
	return req;
}

/* Frees @req; an image file it created and never committed is removed. */
static void kckpt_dump_req_release(struct kref *ref)
{
	struct kckpt_dump_req *req = container_of(ref, struct kckpt_dump_req,
						  ref);

	if (req->image)
		fput(req->image);
	kckpt_image_file_free(req->place);
	if (req->checked_mm)
		mmdrop(req->checked_mm);
	kfree(req->manifest);
	kfree(req);
}

void kckpt_dump_req_get(struct kckpt_dump_req *req)
{
	kref_get(&req->ref);
}

void kckpt_dump_req_put(struct kckpt_dump_req *req)
{
	kref_put(&req->ref, kckpt_dump_req_release);
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
 * module created it, and only then stop or kill the target as asked. A
 * caller killed meanwhile gets nothing committed; killed after the commit,
 * it leaves the image in place and the target running.
 */
int kckpt_checkpoint_here(struct kckpt_dump_req *req)
{
	int err = kckpt_dump_current(req);

	if (!err && READ_ONCE(req->cancelled)) {
		kckpt_reason(req, "the caller was killed while the image was written");
		err = -EINTR;
	}
	if (!err && req->place)
		err = kckpt_image_file_commit(req);
	if (!err && !READ_ONCE(req->cancelled))
		kckpt_after_dump(req->flags);
	return err;
}
