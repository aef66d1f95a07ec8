// SPDX-License-Identifier: GPL-2.0
/*
 * KCKPT_IOC_CHECKPOINT: validate the request, check the caller's right over
 * the target, then write the image from the target's own context (directly
 * for the caller itself, through a parked task_work for another process).
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/magic.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/sched/coredump.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "core/compat.h"
#include "dump/dump.h"
#include "core/kckpt.h"
#include "checkpoint/checkpoint.h"
#include "checkpoint/image_file.h"

static bool kckpt_privileged(void)
{
	return capable(CAP_CHECKPOINT_RESTORE) && capable(CAP_SYS_PTRACE);
}

/*
 * Is @fd an open /proc/<pid>/mem of @mm? Opening it ran the kernel's
 * PTRACE_MODE_ATTACH check (Yama and LSMs included) against the target.
 */
static bool kckpt_proof_matches(int fd, struct mm_struct *mm)
{
	struct file *f = fget(fd);
	bool ok;

	if (!f)
		return false;
	ok = f->f_path.dentry->d_sb->s_magic == PROC_SUPER_MAGIC &&
	     !strcmp(f->f_path.dentry->d_name.name, "mem") &&
	     f->private_data == mm;
	fput(f);
	return ok;
}

/* Remembers what was checked, for kckpt_recheck_access() in the target. */
static void kckpt_note_checked(struct kckpt_dump_req *req, struct mm_struct *mm,
			       u64 exec_id, bool privileged)
{
	mmgrab(mm);
	req->checked_mm = mm;
	req->checked_exec_id = exec_id;
	req->privileged = privileged;
}

static int kckpt_check_access(struct task_struct *task, int proof_fd,
			      struct kckpt_dump_req *req)
{
	bool privileged = kckpt_privileged();
	/* before the mm: an exec in between changes one or the other */
	u64 exec_id = READ_ONCE(task->self_exec_id);
	struct mm_struct *mm;
	int err = 0;

	smp_rmb();	/* the exec id is read before the mm, see above */
	mm = get_task_mm(task);
	if (!mm) {
		kckpt_reason(req, "the target has no user memory (kernel thread or exiting)");
		return -EINVAL;
	}
	/*
	 * The proof for everyone, root too: opening /proc/PID/mem is where
	 * Yama and the LSMs have their say; the capabilities only lift the
	 * dumpable rule (setuid, PR_SET_DUMPABLE 0).
	 */
	if (proof_fd < 0 || !kckpt_proof_matches(proof_fd, mm)) {
		kckpt_reason(req, "permission denied: pass an open /proc/%d/mem (proof of ptrace rights, which Yama and the LSMs check)",
			     task_tgid_vnr(task));
		err = -EPERM;
	} else if (!privileged && kckpt_dumpable(task, mm) != KCKPT_DUMPABLE_USER) {
		kckpt_reason(req, "the target is not dumpable (setuid, or PR_SET_DUMPABLE 0)");
		err = -EPERM;
	} else {
		kckpt_note_checked(req, mm, exec_id, privileged);
	}
	mmput(mm);
	return err;
}

/*
 * In the target's own context, before a byte is written: is it still what
 * the caller's permission was checked against? Between the check and now
 * it may have exec'd (a setuid or file-capability program, whose memory
 * the caller must not see) or changed its credentials (non-dumpable).
 */
int kckpt_recheck_access(struct kckpt_dump_req *req)
{
	if (!req->checked_mm)
		return 0;	/* the terminal's request: no caller to leak to */
	if (current->mm != req->checked_mm ||
	    READ_ONCE(current->self_exec_id) != req->checked_exec_id) {
		kckpt_reason(req, "the target executed a new program after the permission check");
		return -EAGAIN;
	}
	if (!req->privileged &&
	    kckpt_dumpable(current, current->mm) != KCKPT_DUMPABLE_USER) {
		kckpt_reason(req, "the target became non-dumpable (setuid, or PR_SET_DUMPABLE 0) after the permission check");
		return -EPERM;
	}
	return 0;
}

static int kckpt_check_image_file(struct file *f, struct kckpt_dump_req *req)
{
	if (!f) {
		kckpt_reason(req, "image_fd is not an open file");
		return -EBADF;
	}
	if (!(f->f_mode & FMODE_WRITE) || !S_ISREG(file_inode(f)->i_mode)) {
		kckpt_reason(req, "image_fd must be a regular file open for writing");
		return -EINVAL;
	}
	if (i_size_read(file_inode(f))) {
		kckpt_reason(req, "the image file is not empty");
		return -EINVAL;
	}
	return 0;
}

/* Where the image goes: the caller's file, or one the module creates. */
static int kckpt_read_image(struct kckpt_checkpoint *arg,
			    struct kckpt_dump_req *req)
{
	char *path;
	int err;

	if (!(arg->flags & KCKPT_CKPT_CREATE)) {
		req->image = fget(arg->image_fd);
		return kckpt_check_image_file(req->image, req);
	}
	if (arg->image_fd != -1 || !arg->image_path) {
		kckpt_reason(req, "KCKPT_CKPT_CREATE takes image_path and no image_fd");
		return -EINVAL;
	}
	path = strndup_user(u64_to_user_ptr(arg->image_path), PATH_MAX);
	if (IS_ERR(path))
		return PTR_ERR(path);
	err = kckpt_image_file_create(req, path,
				      arg->flags & KCKPT_CKPT_REPLACE);
	kfree(path);
	return err;
}

static int kckpt_read_request(struct kckpt_checkpoint *arg,
			      struct kckpt_dump_req *req)
{
	const u32 after = KCKPT_CKPT_STOP | KCKPT_CKPT_KILL;

	if ((arg->flags & ~KCKPT_CKPT_FLAGS) ||
	    (arg->flags & after) == after ||
	    ((arg->flags & KCKPT_CKPT_REPLACE) &&
	     !(arg->flags & KCKPT_CKPT_CREATE))) {
		kckpt_reason(req, "unknown or conflicting flags");
		return -EINVAL;
	}
	if (arg->manifest_len > KCKPT_MANIFEST_MAX) {
		kckpt_reason(req, "the manifest is larger than %u bytes",
			     KCKPT_MANIFEST_MAX);
		return -EINVAL;
	}
	req->flags = arg->flags & after;
	req->resume_code = arg->resume_code ?: KCKPT_DEFAULT_RESUME;
	req->manifest_len = arg->manifest_len;
	if (arg->manifest_len) {
		req->manifest = memdup_user(u64_to_user_ptr(arg->manifest),
					    arg->manifest_len);
		if (IS_ERR(req->manifest)) {
			int err = PTR_ERR(req->manifest);

			req->manifest = NULL;
			return err;
		}
	}
	return kckpt_read_image(arg, req);
}

static int kckpt_checkpoint_self(struct kckpt_dump_req *req)
{
	req->self = true;
	return kckpt_checkpoint_here(req);
}

/*
 * The process @pid, if the caller may checkpoint it and it can reach a
 * safe point; NULL (with a reason) otherwise.
 */
struct task_struct *kckpt_get_target(pid_t pid, int proof_fd,
				     struct kckpt_dump_req *req)
{
	struct pid *p = find_get_pid(pid);
	struct task_struct *task = p ? get_pid_task(p, PIDTYPE_TGID) : NULL;
	int err;

	put_pid(p);
	if (!task) {
		kckpt_reason(req, "no process %d", pid);
		return ERR_PTR(-ESRCH);
	}
	err = kckpt_check_access(task, proof_fd, req);
	if (!err && task_is_stopped_or_traced(task)) {
		/* it could not reach a safe point before SIGCONT */
		kckpt_reason(req, "the target is stopped or traced: continue it first (kill -CONT)");
		err = -EBUSY;
	}
	if (err) {
		put_task_struct(task);
		return ERR_PTR(err);
	}
	return task;
}

static int kckpt_checkpoint_other(struct kckpt_checkpoint *arg,
				  struct kckpt_dump_req *req)
{
	struct task_struct *task = kckpt_get_target(arg->pid, arg->proof_fd, req);
	int err;

	if (IS_ERR(task))
		return PTR_ERR(task);
	err = kckpt_park_and_dump(task, req, arg->timeout_ms);
	put_task_struct(task);
	return err;
}

static bool kckpt_is_self(pid_t pid)
{
	return pid == KCKPT_PID_SELF || pid == task_tgid_vnr(current);
}

long kckpt_ioc_checkpoint(struct file *dev, const struct kckpt_uarg *ua)
{
	struct kckpt_checkpoint arg;
	struct kckpt_dump_req *req;
	int err;

	err = kckpt_copy_struct_in(&arg, sizeof(arg), ua);
	if (err)
		return err;
	req = kckpt_dump_req_alloc();
	if (!req)
		return -ENOMEM;

	req->progress_out = ua->ptr + offsetof(struct kckpt_checkpoint,
					       image_bytes);
	err = kckpt_read_request(&arg, req);
	if (!err && kckpt_is_self(arg.pid))
		err = kckpt_checkpoint_self(req);
	else if (!err)
		err = kckpt_checkpoint_other(&arg, req);

	arg.image_bytes = err ? 0 : req->image_bytes;
	arg.memory_bytes = err ? 0 : req->memory_bytes;
	memcpy(arg.reason, req->reason, sizeof(arg.reason));
	if (kckpt_copy_struct_out(ua, &arg, sizeof(arg)) && !err)
		err = -EFAULT;
	kckpt_dump_req_put(req);
	return err;
}
