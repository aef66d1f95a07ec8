// SPDX-License-Identifier: GPL-2.0
/*
 * KCKPT_IOC_REQUEST and the terminal's checkpoint character: DragonFly's
 * SIGCKPT semantics. The target decides in its own context (a parked
 * task_work, see park.c) by its disposition of SIGCKPT: a handler gets the
 * signal, SIG_DFL is checkpointed to the default file, SIG_IGN is left
 * alone.
 */
#include <linux/err.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/sched/coredump.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "core/compat.h"
#include "dump/dump.h"
#include "core/kckpt.h"
#include "checkpoint/checkpoint.h"
#include "kckpt_kapi.h"

/* Never 32-34: glibc and the .NET runtime own them. */
#define KCKPT_SIG_MIN	35
#define KCKPT_REQUEST_MAX_PROCS	256

static int kckpt_set_signal(const char *val, const struct kernel_param *kp)
{
	int sig, err = kstrtoint(val, 0, &sig);

	if (err)
		return err;
	if (sig < KCKPT_SIG_MIN || sig > _NSIG)
		return -EINVAL;
	*(int *)kp->arg = sig;
	return 0;
}

static const struct kernel_param_ops kckpt_signal_ops = {
	.set = kckpt_set_signal,
	.get = param_get_int,
};

static int sigckpt = KCKPT_SIGCKPT_DEFAULT;
module_param_cb(sigckpt, &kckpt_signal_ops, &sigckpt, 0644);
MODULE_PARM_DESC(sigckpt, "SIGCKPT: the signal a checkpoint request sends to a process with a handler (35-64)");

static int sigckptexit = KCKPT_SIGCKPTEXIT_DEFAULT;
module_param_cb(sigckptexit, &kckpt_signal_ops, &sigckptexit, 0644);
MODULE_PARM_DESC(sigckptexit, "SIGCKPTEXIT: as sigckpt, for checkpoint-and-exit requests (35-64)");

static char ckptfile[KCKPT_PATH_LEN] = "%N.ckpt";
module_param_string(ckptfile, ckptfile, sizeof(ckptfile), 0644);
MODULE_PARM_DESC(ckptfile, "default image file of a request, relative to the process's cwd: %N name, %P pid, %U uid");

static int kckpt_request_signal(u32 flags)
{
	return READ_ONCE(*(flags & KCKPT_REQ_EXIT ? &sigckptexit : &sigckpt));
}

/* The signal numbers in force, for KCKPT_IOC_VERSION. */
void kckpt_request_signals(u32 *ckpt, u32 *ckptexit)
{
	*ckpt = kckpt_request_signal(0);
	*ckptexit = kckpt_request_signal(KCKPT_REQ_EXIT);
}

/* In the target's context: what its disposition of SIGCKPT asks for. */
static int kckpt_request_here(struct kckpt_dump_req *req)
{
	int sig = kckpt_request_signal(req->request_flags);
	char template[KCKPT_PATH_LEN];
	__sighandler_t handler;

	spin_lock_irq(&current->sighand->siglock);
	handler = current->sighand->action[sig - 1].sa.sa_handler;
	spin_unlock_irq(&current->sighand->siglock);

	if (handler == SIG_IGN) {
		req->action = KCKPT_ACT_IGNORED;
		return 0;
	}
	if (handler != SIG_DFL) {
		req->action = KCKPT_ACT_SIGNALLED;
		return send_sig(sig, current, 1);
	}
	if (kckpt_dumpable(current, current->mm) != KCKPT_DUMPABLE_USER) {
		/* ^E has no permission check: never image a setuid program */
		kckpt_reason(req, "the process is not dumpable (setuid, or PR_SET_DUMPABLE 0)");
		return -EPERM;
	}
	kernel_param_lock(THIS_MODULE);
	strscpy(template, ckptfile, sizeof(template));
	kernel_param_unlock(THIS_MODULE);
	req->flags = req->request_flags & KCKPT_REQ_EXIT ? KCKPT_CKPT_KILL : 0;
	return kckpt_checkpoint_to_default_file(req, template);
}

static struct kckpt_dump_req *kckpt_request_alloc(u32 flags)
{
	struct kckpt_dump_req *req = kckpt_dump_req_alloc();

	if (!req)
		return NULL;
	req->run = kckpt_request_here;
	req->request_flags = flags;
	req->resume_code = KCKPT_DEFAULT_RESUME;
	return req;
}

static int kckpt_request_one(struct kckpt_request *arg,
			     struct kckpt_dump_req *req)
{
	struct task_struct *task;
	int err;

	if (arg->flags & ~KCKPT_REQ_FLAGS) {
		kckpt_reason(req, "unknown flags");
		return -EINVAL;
	}
	if (arg->pid == KCKPT_PID_SELF || arg->pid == task_tgid_vnr(current)) {
		kckpt_reason(req, "a process cannot request its own checkpoint: use checkpt() or KCKPT_IOC_CHECKPOINT");
		return -EINVAL;
	}
	task = kckpt_get_target(arg->pid, arg->proof_fd, req);
	if (IS_ERR(task))
		return PTR_ERR(task);
	err = kckpt_park_and_dump(task, req, arg->timeout_ms);
	put_task_struct(task);
	return err;
}

long kckpt_ioc_request(struct file *dev, const struct kckpt_uarg *ua)
{
	struct kckpt_request arg;
	struct kckpt_dump_req *req;
	int err;

	err = kckpt_copy_struct_in(&arg, sizeof(arg), ua);
	if (err)
		return err;
	req = kckpt_request_alloc(arg.flags);
	if (!req)
		return -ENOMEM;
	err = kckpt_request_one(&arg, req);

	arg.action = err ? 0 : req->action;
	arg.image_bytes = err ? 0 : req->image_bytes;
	memcpy(arg.path, req->path, sizeof(arg.path));
	memcpy(arg.reason, req->reason, sizeof(arg.reason));
	if (kckpt_copy_struct_out(ua, &arg, sizeof(arg)) && !err)
		err = -EFAULT;
	kckpt_dump_req_put(req);
	return err;
}

/* The processes of @pgrp (user processes only), referenced. */
static int kckpt_pgrp_members(struct pid *pgrp, struct task_struct **tasks,
			      int max)
{
	struct task_struct *p;
	int n = 0;

	rcu_read_lock();
	do_each_pid_task(pgrp, PIDTYPE_PGID, p) {
		if (n < max && !(p->flags & PF_KTHREAD)) {
			get_task_struct(p);
			tasks[n++] = p;
		}
	} while_each_pid_task(pgrp, PIDTYPE_PGID, p);
	rcu_read_unlock();
	return n;
}

int kckpt_request_pgrp(struct pid *pgrp, unsigned int flags)
{
	struct task_struct **tasks;
	struct kckpt_dump_req *req;
	int i, n, asked = 0;

	if (!pgrp || (flags & ~KCKPT_REQ_FLAGS))
		return -EINVAL;
	tasks = kcalloc(KCKPT_REQUEST_MAX_PROCS, sizeof(*tasks), GFP_KERNEL);
	if (!tasks)
		return -ENOMEM;
	n = kckpt_pgrp_members(pgrp, tasks, KCKPT_REQUEST_MAX_PROCS);
	for (i = 0; i < n; i++) {
		req = kckpt_request_alloc(flags);
		if (req && !kckpt_park_detached(tasks[i], req))
			asked++;
		if (req)
			kckpt_dump_req_put(req);	/* the work has its own */
		put_task_struct(tasks[i]);
	}
	kfree(tasks);
	return asked;
}
EXPORT_SYMBOL_GPL(kckpt_request_pgrp);
