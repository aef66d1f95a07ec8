// SPDX-License-Identifier: GPL-2.0
/*
 * Parking another process at a safe point: a task_work queued with
 * TWA_SIGNAL runs in the target's own context on its way back to user mode
 * (interrupting an interruptible sleep), and the image is written from
 * there. The request is reference counted: the caller may give up waiting
 * (timeout, fatal signal) before the target gets there, in which case the
 * queued work finds it abandoned and does nothing. The work also holds a
 * module reference until it has run.
 */
#include <linux/completion.h>
#include <linux/kref.h>
#include <linux/module.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/task_work.h>

#include "dump.h"
#include "kckpt.h"

#define KCKPT_DEFAULT_PARK_MS	10000

struct kckpt_park {
	struct callback_head work;
	struct kref ref;
	spinlock_t lock;		/* protects started, abandoned */
	bool started;
	bool abandoned;
	struct completion done;
	int result;
	struct kckpt_dump_req *req;
};

static void kckpt_park_free(struct kref *ref)
{
	kfree(container_of(ref, struct kckpt_park, ref));
}

static void kckpt_park_put(struct kckpt_park *p)
{
	kref_put(&p->ref, kckpt_park_free);
}

/* After a successful dump: leave the process stopped or kill it if asked. */
void kckpt_after_dump(u32 flags)
{
	if (flags & KCKPT_CKPT_KILL)
		send_sig(SIGKILL, current, 1);
	else if (flags & KCKPT_CKPT_STOP)
		send_sig(SIGSTOP, current, 1);
}

static void kckpt_park_run(struct callback_head *work)
{
	struct kckpt_park *p = container_of(work, struct kckpt_park, work);
	bool run;

	spin_lock(&p->lock);
	run = !p->abandoned;
	p->started = run;
	spin_unlock(&p->lock);

	if (run) {
		if (current->flags & PF_EXITING) {
			kckpt_reason(p->req, "the target exited");
			p->result = -ESRCH;
		} else {
			p->result = kckpt_dump_current(p->req);
			if (!p->result)
				kckpt_after_dump(p->req->flags);
		}
		complete(&p->done);
	}
	kckpt_park_put(p);
	module_put(THIS_MODULE);
}

/* Returns true if the work had not started and now never will. */
static bool kckpt_park_abandon(struct kckpt_park *p)
{
	bool abandoned;

	spin_lock(&p->lock);
	abandoned = !p->started;
	p->abandoned = abandoned;
	spin_unlock(&p->lock);
	return abandoned;
}

int kckpt_park_and_dump(struct task_struct *task, struct kckpt_dump_req *req,
			u32 timeout_ms)
{
	unsigned long timeout = msecs_to_jiffies(timeout_ms ?: KCKPT_DEFAULT_PARK_MS);
	struct kckpt_park *p;
	long left;
	int err;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	kref_init(&p->ref);		/* the caller's reference */
	spin_lock_init(&p->lock);
	init_completion(&p->done);
	p->req = req;
	init_task_work(&p->work, kckpt_park_run);

	kref_get(&p->ref);		/* the work's reference */
	__module_get(THIS_MODULE);
	err = task_work_add(task, &p->work, TWA_SIGNAL);
	if (err) {
		module_put(THIS_MODULE);
		kckpt_park_put(p);
		kckpt_park_put(p);
		kckpt_reason(req, "the target is exiting");
		return -ESRCH;
	}

	left = wait_for_completion_killable_timeout(&p->done, timeout);
	if (left <= 0 && kckpt_park_abandon(p)) {
		err = left ? -EINTR : -ETIMEDOUT;
		if (!left)
			kckpt_reason(req, "the target did not reach a safe point within %u ms (stopped, or in an uninterruptible sleep?)",
				     timeout_ms ?: KCKPT_DEFAULT_PARK_MS);
	} else {
		/* the dump has started: the request stays ours until it ends */
		if (left <= 0)
			wait_for_completion(&p->done);
		err = p->result;
	}
	kckpt_park_put(p);
	return err;
}
