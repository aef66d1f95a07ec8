// SPDX-License-Identifier: GPL-2.0
/*
 * "Accepted means restored": state of the process that a restore could not
 * give back, seen from its own context and refused before a byte is
 * written, with a reason naming it:
 *  - children or tracees: a restored process has none, waitpid() would
 *    fail and they would lose their parent or tracer;
 *  - a stop on its way (a stopped process is refused before it is parked);
 *  - a deleted working directory or root: a restore enters them by path;
 *  - POSIX timers (timer_create) and the CPU-time interval timers
 *    ITIMER_VIRTUAL and ITIMER_PROF (ITIMER_REAL is restored);
 *  - a scheduling policy other than SCHED_OTHER;
 *  - PR_SET_THP_DISABLE;
 *  - file locks (flock, POSIX, OFD) and leases held through its
 *    descriptors.
 * The process is single-threaded and sits in its own task_work here (see
 * kckpt_refuse_process()), so only it changes most of this state.
 */
#include <linux/dcache.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/list.h>
#include <linux/path.h>
#include <linux/posix-timers.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "core/compat.h"
#include "dump/dump.h"

/*
 * Children and tracees hang off the task, under tasklist_lock, which a
 * module cannot take. list_empty() reads the head alone, as the lockless
 * checks in the kernel do: the lists only gain entries by this process's
 * own fork() or ptrace attach (it is here, in its task_work) or by a
 * child's orphan being reparented to it as a subreaper, which a refusal
 * a moment later would have missed just the same.
 */
static int kckpt_refuse_children(struct kckpt_dump_req *req)
{
	if (!list_empty(&current->children)) {
		kckpt_reason(req, "the target has child processes; process trees are not supported");
		return -EOPNOTSUPP;
	}
	if (!list_empty(&current->ptraced)) {
		kckpt_reason(req, "the target traces other processes (ptrace); process trees are not supported");
		return -EOPNOTSUPP;
	}
	return 0;
}

/*
 * A stop on its way: a group stop begun, or a stop signal pending that
 * would stop the process (not blocked, default action) right after this
 * task_work. An image taken now would come back running. A process that
 * is already stopped never gets here: it cannot reach its task_work, and
 * kckpt_get_target() refuses it before it is parked.
 */
static bool kckpt_stop_signal_pending(int sig)
{
	struct sighand_struct *sh = current->sighand;

	return (sigismember(&current->pending.signal, sig) ||
		sigismember(&current->signal->shared_pending.signal, sig)) &&
	       !sigismember(&current->blocked, sig) &&
	       sh->action[sig - 1].sa.sa_handler == SIG_DFL;
}

static int kckpt_refuse_stopping(struct kckpt_dump_req *req)
{
	bool stopping;

	spin_lock_irq(&current->sighand->siglock);
	stopping = (current->jobctl & JOBCTL_STOP_PENDING) ||
		   kckpt_stop_signal_pending(SIGSTOP) ||
		   kckpt_stop_signal_pending(SIGTSTP) ||
		   kckpt_stop_signal_pending(SIGTTIN) ||
		   kckpt_stop_signal_pending(SIGTTOU);
	spin_unlock_irq(&current->sighand->siglock);
	if (!stopping)
		return 0;
	kckpt_reason(req, "the target is being stopped (a stop signal is pending): checkpoint it after kill -CONT");
	return -EBUSY;
}

/* A restore enters the working directory and root again by their paths. */
static int kckpt_refuse_deleted_dir(struct kckpt_dump_req *req,
				    const char *what, struct path *p)
{
	static const char deleted[] = " (deleted)";
	char *buf, *s;
	size_t len;

	if (kckpt_path_reachable(p))
		return 0;
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	s = buf ? d_path(p, buf, PATH_MAX) : ERR_PTR(-ENOMEM);
	len = IS_ERR(s) ? 0 : strlen(s);
	if (len > strlen(deleted) && !strcmp(s + len - strlen(deleted), deleted))
		s[len - strlen(deleted)] = '\0';	/* d_path()'s mark */
	kckpt_reason(req, "the target's %s %s was deleted; a restore could not enter it",
		     what, IS_ERR(s) ? "?" : s);
	kfree(buf);
	return -EOPNOTSUPP;
}

static int kckpt_refuse_deleted_cwd(struct kckpt_dump_req *req)
{
	struct path pwd, root;
	int err;

	get_fs_pwd(current->fs, &pwd);
	err = kckpt_refuse_deleted_dir(req, "working directory", &pwd);
	path_put(&pwd);
	if (err)
		return err;
	get_fs_root(current->fs, &root);
	err = kckpt_refuse_deleted_dir(req, "root directory", &root);
	path_put(&root);
	return err;
}

/* The timer lists change under siglock (timer_create, timer_delete). */
static int kckpt_refuse_posix_timers(struct kckpt_dump_req *req)
{
	bool timers;

	spin_lock_irq(&current->sighand->siglock);
	timers = kckpt_has_posix_timers(current->signal);
	spin_unlock_irq(&current->sighand->siglock);
	if (!timers)
		return 0;
	kckpt_reason(req, "the target has POSIX timers (timer_create), which are not restored");
	return -EOPNOTSUPP;
}

/*
 * ITIMER_PROF and ITIMER_VIRTUAL: an armed one has an expiry (setitimer()
 * changes them under siglock; one that fires rearms with its interval or
 * disarms).
 */
static int kckpt_refuse_cpu_itimers(struct kckpt_dump_req *req)
{
	struct signal_struct *sig = current->signal;
	bool prof, virt;

	spin_lock_irq(&current->sighand->siglock);
	prof = sig->it[CPUCLOCK_PROF].expires;
	virt = sig->it[CPUCLOCK_VIRT].expires;
	spin_unlock_irq(&current->sighand->siglock);
	if (!prof && !virt)
		return 0;
	kckpt_reason(req, "the target has %s armed, which is not restored (only ITIMER_REAL is)",
		     virt ? "ITIMER_VIRTUAL" : "ITIMER_PROF");
	return -EOPNOTSUPP;
}

static const char *kckpt_policy_name(unsigned int policy)
{
	switch (policy) {
	case SCHED_FIFO:
		return "SCHED_FIFO";
	case SCHED_RR:
		return "SCHED_RR";
	case SCHED_BATCH:
		return "SCHED_BATCH";
	case SCHED_IDLE:
		return "SCHED_IDLE";
	case SCHED_DEADLINE:
		return "SCHED_DEADLINE";
	default:
		return "a policy";
	}
}

/* The restored process runs under the restorer's scheduling policy. */
static int kckpt_refuse_sched_policy(struct kckpt_dump_req *req)
{
	unsigned int policy = READ_ONCE(current->policy);

	if (policy == SCHED_NORMAL)
		return 0;
	kckpt_reason(req, "the target runs under %s (%u), not SCHED_OTHER; scheduling policies are not restored",
		     kckpt_policy_name(policy), policy);
	return -EOPNOTSUPP;
}

/* The restored process's memory is the restorer's, without the flag. */
static int kckpt_refuse_thp_disable(struct kckpt_dump_req *req)
{
	if (!kckpt_mm_thp_disabled(current->mm))
		return 0;
	kckpt_reason(req, "the target disabled transparent huge pages (PR_SET_THP_DISABLE), which is not restored");
	return -EOPNOTSUPP;
}

/* What lock or lease the process holds on @f's inode, or NULL. */
static const char *kckpt_lock_held(struct file *f)
{
	struct file_lock_context *ctx = kckpt_locks_context(file_inode(f));
	const char *what = NULL;

	if (!ctx)
		return NULL;
	spin_lock(&ctx->flc_lock);
	if (kckpt_lock_list_has_owner(&ctx->flc_flock, f))
		what = "an flock() lock";
	else if (kckpt_lock_list_has_owner(&ctx->flc_posix, current->files))
		what = "a POSIX (fcntl) record lock";
	else if (kckpt_lock_list_has_owner(&ctx->flc_posix, f))
		what = "an OFD lock";
	else if (kckpt_lock_list_has_owner(&ctx->flc_lease, f))
		what = "a lease";
	spin_unlock(&ctx->flc_lock);
	return what;
}

static unsigned int kckpt_max_fds(void)
{
	unsigned int max;

	rcu_read_lock();
	max = files_fdtable(current->files)->max_fds;
	rcu_read_unlock();
	return max;
}

static void kckpt_reason_lock(struct kckpt_dump_req *req, unsigned int fd,
			      struct file *f, const char *what)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	char *s = buf ? d_path(&f->f_path, buf, PATH_MAX) : ERR_PTR(-ENOMEM);

	kckpt_reason(req, "fd %u (%s) holds %s; file locks and leases are not restored",
		     fd, IS_ERR(s) ? "?" : s, what);
	kfree(buf);
}

/*
 * Locks and leases of this process on the files of its descriptors (a
 * POSIX lock is dropped when any descriptor of its file is closed, so
 * every one is on the inode of an open descriptor).
 */
static int kckpt_refuse_file_locks(struct kckpt_dump_req *req)
{
	unsigned int fd, max = kckpt_max_fds();

	for (fd = 0; fd < max; fd++) {
		struct file *f = fget_raw(fd);
		const char *what;

		if (!f)
			continue;
		what = f == req->image ? NULL : kckpt_lock_held(f);
		if (what)
			kckpt_reason_lock(req, fd, f, what);
		fput(f);
		if (what)
			return -EOPNOTSUPP;
	}
	return 0;
}

int kckpt_refuse_unsupported(struct kckpt_dump_req *req)
{
	return kckpt_refuse_children(req) ?:
	       kckpt_refuse_stopping(req) ?:
	       kckpt_refuse_deleted_cwd(req) ?:
	       kckpt_refuse_posix_timers(req) ?:
	       kckpt_refuse_cpu_itimers(req) ?:
	       kckpt_refuse_sched_policy(req) ?:
	       kckpt_refuse_thp_disable(req) ?:
	       kckpt_refuse_file_locks(req);
}
