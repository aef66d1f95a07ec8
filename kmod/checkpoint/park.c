// SPDX-License-Identifier: GPL-2.0
/*
 * Parking another process at a safe point: a task_work queued with
 * TWA_SIGNAL runs in the target's own context on its way back to user mode
 * (interrupting an interruptible sleep), and the image is written from
 * there. The park and the request are reference counted: the caller may
 * give up waiting (timeout, fatal signal) before the target gets there, in
 * which case the queued work finds it abandoned and does nothing; killed
 * after the target has started, the caller marks the request cancelled and
 * leaves at once (the target stops at its next batch and commits nothing),
 * so no wait of the caller's is unkillable. The work also holds a module
 * reference until it has run. A detached request (the terminal's
 * checkpoint character) has no waiter: the work logs the outcome.
 */
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kref.h>
#include <linux/module.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/task_work.h>
#include <linux/uaccess.h>

#include "dump/dump.h"
#include "core/kckpt.h"
#include "checkpoint/checkpoint.h"

#define KCKPT_DEFAULT_PARK_MS	10000
#define KCKPT_PROGRESS_TICK	(HZ / 10)

struct kckpt_park {
	struct callback_head work;
	struct kref ref;
	spinlock_t lock;		/* protects started, abandoned */
	bool started;
	bool abandoned;
	bool detached;
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

/* In the target's own context. */
static int kckpt_park_work(struct kckpt_dump_req *req)
{
	int err;

	if (current->flags & PF_EXITING) {
		kckpt_reason(req, "the target exited");
		return -ESRCH;
	}
	err = kckpt_recheck_access(req);
	if (err)
		return err;
	return req->run ? req->run(req) : kckpt_checkpoint_here(req);
}

/* A detached request's outcome goes to the kernel log. */
static void kckpt_park_log(struct kckpt_dump_req *req, int err)
{
	if (err)
		pr_info("checkpoint request for pid %d (%s) failed: %s\n",
			task_tgid_nr(current), current->comm,
			req->reason[0] ? req->reason : "error");
	else if (req->action == KCKPT_ACT_CHECKPOINTED)
		pr_info("pid %d (%s) checkpointed to %s\n", task_tgid_nr(current),
			current->comm, req->path);
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
		p->result = kckpt_park_work(p->req);
		if (p->detached)
			kckpt_park_log(p->req, p->result);
		complete(&p->done);
	}
	kckpt_dump_req_put(p->req);
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

/* Queues @req on @task; the caller holds one reference to the result. */
static struct kckpt_park *kckpt_park_queue(struct task_struct *task,
					   struct kckpt_dump_req *req,
					   bool detached)
{
	struct kckpt_park *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return ERR_PTR(-ENOMEM);
	kref_init(&p->ref);		/* the caller's reference */
	spin_lock_init(&p->lock);
	init_completion(&p->done);
	p->req = req;
	p->detached = detached;
	init_task_work(&p->work, kckpt_park_run);

	kref_get(&p->ref);		/* the work's reference */
	kckpt_dump_req_get(req);	/* the work's, too */
	__module_get(THIS_MODULE);
	if (task_work_add(task, &p->work, TWA_SIGNAL)) {
		module_put(THIS_MODULE);
		kckpt_dump_req_put(req);
		kckpt_park_put(p);
		kckpt_park_put(p);
		kckpt_reason(req, "the target is exiting");
		return ERR_PTR(-ESRCH);
	}
	return p;
}

/* The image bytes written so far, to the caller's progress field. */
static void kckpt_park_progress(struct kckpt_dump_req *req)
{
	if (req->progress_out)
		put_user(READ_ONCE(req->progress), req->progress_out);
}

/*
 * Waits for the parked dump, telling the caller its progress every tick.
 * Until the target starts, a fatal signal or the timeout abandons the
 * request; once it has started, a fatal signal cancels it and returns.
 */
int kckpt_park_and_dump(struct task_struct *task, struct kckpt_dump_req *req,
			u32 timeout_ms)
{
	unsigned long deadline = jiffies +
		msecs_to_jiffies(timeout_ms ?: KCKPT_DEFAULT_PARK_MS);
	struct kckpt_park *p = kckpt_park_queue(task, req, false);
	bool started = false;
	long left;
	int err;

	if (IS_ERR(p))
		return PTR_ERR(p);
	for (;;) {
		left = wait_for_completion_killable_timeout(&p->done,
							    KCKPT_PROGRESS_TICK);
		if (left > 0)
			break;
		if (!started && (left < 0 || time_after(jiffies, deadline))) {
			started = !kckpt_park_abandon(p);
			if (!started) {
				err = left ? -EINTR : -ETIMEDOUT;
				if (!left)
					kckpt_reason(req, "the target did not reach a safe point within %u ms (stopped, or in an uninterruptible sleep?)",
						     timeout_ms ?: KCKPT_DEFAULT_PARK_MS);
				goto out;
			}
		}
		if (left < 0) {
			/* the work holds @req until the target has stopped */
			WRITE_ONCE(req->cancelled, true);
			err = -EINTR;
			goto out;
		}
		kckpt_park_progress(req);
	}
	err = p->result;
out:
	kckpt_park_put(p);
	return err;
}

int kckpt_park_detached(struct task_struct *task, struct kckpt_dump_req *req)
{
	struct kckpt_park *p = kckpt_park_queue(task, req, true);

	if (IS_ERR(p))
		return PTR_ERR(p);	/* not queued */
	kckpt_park_put(p);
	return 0;
}
