// SPDX-License-Identifier: GPL-2.0
/*
 * KCKPT_IOC_RESTORE_FINISH. Before the point of no return: every mapped
 * file is opened with the restorer's credentials and must be the file the
 * image saw (dev, inode, size, mtime); a failure returns an error and the
 * helper is untouched. After it: the helper's memory is replaced by the
 * image's (the VMAs here, their pages by restore/fill.c), the mm fields, signal mask, rseq, robust list, tid addresses and
 * registers are set, and the process returns into the saved context. The
 * saved ax is put in place by task work on the way out, after the syscall
 * return path stored the ioctl's value (an int, which would cut a 64-bit
 * ax in half). A failure there kills the process rather than let it run
 * half-restored.
 */
#include <linux/bvec.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/module.h>
#include <linux/ptrace.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/task_work.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

#include "arch/arch.h"
#include "core/compat.h"
#include "core/kckpt.h"
#include "restore/restore.h"

struct kckpt_finish {
	struct kckpt_session *s;
	const struct kckpt_restore_finish *args;
	u8 *buf;
};

/*
 * Runs once the ioctl has returned, before user mode: closes the helper's
 * own descriptors and sets the saved ax over the ioctl's return value.
 */
struct kckpt_resume_work {
	struct callback_head work;
	int fds[2];
	unsigned long ax;
};

static void kckpt_resume(struct callback_head *work)
{
	struct kckpt_resume_work *r =
		container_of(work, struct kckpt_resume_work, work);

	close_fd(r->fds[0]);
	close_fd(r->fds[1]);
	kckpt_arch_set_return(r->ax);
	kfree(r);
	module_put(THIS_MODULE);
}

static int kckpt_check_helper_fds(struct kckpt_finish *f, struct file *dev)
{
	const struct kckpt_restore_finish *a = f->args;
	struct file *img;
	bool ok;

	if (a->dev_fd <= f->s->max_fd || a->image_fd <= f->s->max_fd ||
	    a->dev_fd == a->image_fd)
		return kckpt_session_refuse(f->s, "the helper's fds collide with the image's");
	img = fget(a->image_fd);
	ok = img && file_inode(img) == file_inode(f->s->image);
	if (img)
		fput(img);
	if (!ok || !kckpt_fd_is(a->dev_fd, dev))
		return kckpt_session_refuse(f->s, "dev_fd or image_fd is not this session's");
	return 0;
}

/*
 * The confinement the image records, which the helper re-applies before
 * FINISH (kckpt-restore: prctl(PR_SET_NO_NEW_PRIVS)), must be in force: a
 * helper that does not know it fails here, not silently.
 */
static int kckpt_check_confinement(struct kckpt_session *s)
{
	u32 c = s->proc.confinement;

	if (c & ~KCKPT_CONFINE_FLAGS)
		return kckpt_session_refuse(s, "the image records confinement 0x%x that this module does not know",
					    c & ~KCKPT_CONFINE_FLAGS);
	if ((c & KCKPT_CONFINE_NO_NEW_PRIVS) && !task_no_new_privs(current))
		return kckpt_session_refuse(s, "the image had no_new_privs and the restoring process does not (kckpt-restore too old?)");
	return 0;
}

/* Unmaps everything but the kernel's own mappings (vdso, vvar). */
static int kckpt_unmap_helper(void)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long *ranges;
	int n = 0, i, err = 0;

	KCKPT_VMA_ITERATOR(vmi, mm);

	mmap_read_lock(mm);
	ranges = kvmalloc_array(mm->map_count * 2, sizeof(*ranges), KCKPT_GFP_SIZED);
	kckpt_for_each_vma(vmi, vma) {
		if (!ranges || n == mm->map_count)
			break;
		if (vma->vm_ops && vma->vm_ops->name)
			continue;	/* vdso, vvar: moved by the helper */
		ranges[2 * n] = vma->vm_start;
		ranges[2 * n + 1] = vma->vm_end;
		n++;
	}
	mmap_read_unlock(mm);
	if (!ranges)
		return -ENOMEM;
	for (i = 0; i < n && !err; i++)
		err = vm_munmap(ranges[2 * i], ranges[2 * i + 1] - ranges[2 * i]);
	kvfree(ranges);
	return err;
}

static int kckpt_map_vma(struct kckpt_finish *f, int i)
{
	const struct kckpt_vma *v = &f->s->vmas[i].v;
	unsigned long flags = MAP_FIXED_NOREPLACE, addr;

	switch (v->kind) {
	case KCKPT_VMA_VDSO:
	case KCKPT_VMA_VVAR:
		return 0;	/* already moved into place by the helper */
	case KCKPT_VMA_ANON:
		flags |= MAP_PRIVATE | MAP_ANONYMOUS;
		break;
	case KCKPT_VMA_SHMEM:
		flags |= MAP_SHARED | MAP_ANONYMOUS;
		break;
	case KCKPT_VMA_FILE_PRIVATE:
		flags |= MAP_PRIVATE;
		break;
	default:
		flags |= MAP_SHARED;
	}
	flags |= v->flags & KCKPT_VMAF_GROWSDOWN ? MAP_GROWSDOWN : 0;
	flags |= v->flags & KCKPT_VMAF_NORESERVE ? MAP_NORESERVE : 0;
	addr = vm_mmap(f->s->files[i], v->start, v->end - v->start, v->prot, flags,
		       f->s->files[i] ? v->pgoff : 0);
	if (IS_ERR_VALUE(addr))
		return (long)addr;
	return addr == v->start ? 0 : -EFAULT;
}

static void kckpt_set_mm(struct kckpt_session *s)
{
	struct mm_struct *mm = current->mm;
	const struct kckpt_proc *p = &s->proc;

	mmap_write_lock(mm);
	mm->start_code = p->start_code;
	mm->end_code = p->end_code;
	mm->start_data = p->start_data;
	mm->end_data = p->end_data;
	mm->start_brk = p->start_brk;
	mm->brk = p->brk;
	mm->start_stack = p->start_stack;
	spin_lock(&mm->arg_lock);
	mm->arg_start = p->arg_start;
	mm->arg_end = p->arg_end;
	mm->env_start = p->env_start;
	mm->env_end = p->env_end;
	spin_unlock(&mm->arg_lock);
	memset(mm->saved_auxv, 0, sizeof(mm->saved_auxv));
	memcpy(mm->saved_auxv, s->auxv, p->auxv_len);
	mmap_write_unlock(mm);
}

static void kckpt_set_thread(struct kckpt_session *s)
{
	const struct kckpt_thread *t = &s->thread;

	spin_lock_irq(&current->sighand->siglock);
	current->blocked.sig[0] = t->sigmask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	recalc_sigpending();
	spin_unlock_irq(&current->sighand->siglock);
	kckpt_set_rseq((void __user *)(unsigned long)t->rseq, t->rseq_len,
		       t->rseq_sig);
	kckpt_set_robust_list((void __user *)(unsigned long)t->robust_list);
	current->set_child_tid = (void __user *)(unsigned long)t->set_child_tid;
	current->clear_child_tid = (void __user *)(unsigned long)t->clear_child_tid;
}

/* What the process sees in ax: the resume code after a self-checkpoint. */
static unsigned long kckpt_saved_ax(struct kckpt_session *s,
				    const struct kckpt_restore_finish *a)
{
	if (s->thread.restart == KCKPT_RESTART_RESUME &&
	    (a->flags & KCKPT_RESTORE_RESUME_CODE))
		return a->resume_code;
	return s->regs.ax;
}

static int kckpt_schedule_resume(struct kckpt_session *s,
				 const struct kckpt_restore_finish *a)
{
	struct kckpt_resume_work *r = kmalloc(sizeof(*r), GFP_KERNEL);
	int err;

	if (!r)
		return -ENOMEM;
	r->fds[0] = a->dev_fd;
	r->fds[1] = a->image_fd;
	r->ax = kckpt_saved_ax(s, a);
	init_task_work(&r->work, kckpt_resume);
	__module_get(THIS_MODULE);
	err = task_work_add(current, &r->work, TWA_RESUME);
	if (err) {
		module_put(THIS_MODULE);
		kfree(r);
	}
	return err;
}

/* After the point of no return: any failure kills the process. */
static long kckpt_become_image(struct kckpt_finish *f)
{
	int i, err;

	f->s->finished = true;	/* the helper's memory is about to go */
	err = kckpt_unmap_helper();
	for (i = 0; i < f->s->nr_vmas && !err; i++)
		err = kckpt_map_vma(f, i);
	err = err ?: kckpt_fill_memory(f->s, f->buf);
	err = err ?: kckpt_schedule_resume(f->s, f->args);
	if (err) {
		pr_info("restore of pid %d failed after the point of no return (%d): killed\n",
			task_pid_nr(current), err);
		force_sig(SIGKILL);
		return -EINTR;
	}
	kckpt_set_mm(f->s);
	kckpt_set_thread(f->s);
	kckpt_arch_set_user_regs(&f->s->regs);
	return 0;
}

static long kckpt_finish(struct kckpt_finish *f, struct file *dev)
{
	pid_t sharer;
	long ret;

	if (f->s->finished || (f->args->flags & ~KCKPT_RESTORE_FLAGS) ||
	    f->args->pad)
		return -EINVAL;
	/*
	 * The image has one thread: another thread of the helper would run
	 * on in the image's memory with its own registers (and fault there,
	 * killing the restored process). None can appear once it is alone.
	 */
	if (get_nr_threads(current) != 1)
		return kckpt_session_refuse(f->s, "the restoring process has more than one thread");
	/* nor may it replace the memory of another process that shares it */
	sharer = kckpt_mm_sharer(current->mm);
	if (sharer)
		return kckpt_session_refuse(f->s, "the restoring process shares its memory with process %d",
					    sharer);
	/* the credentials BEGIN checked must still be the caller's */
	ret = kckpt_check_owner(f->s);
	if (ret)
		return ret;
	f->buf = kvmalloc(KCKPT_FILL_BUF, GFP_KERNEL);
	if (!f->buf)
		return -ENOMEM;
	ret = kckpt_check_helper_fds(f, dev);
	ret = ret ?: kckpt_check_confinement(f->s);
	return ret ?: kckpt_become_image(f);
}

long kckpt_ioc_restore_finish(struct file *dev, const struct kckpt_uarg *ua)
{
	struct kckpt_session *s = kckpt_session_of(dev);
	struct kckpt_restore_finish a;
	struct kckpt_finish f = { .s = s, .args = &a };
	long ret;

	if (IS_ERR(s))
		return PTR_ERR(s);
	ret = kckpt_copy_struct_in(&a, sizeof(a), ua);
	if (ret)
		return ret;
	mutex_lock(&s->lock);
	ret = kckpt_finish(&f, dev);
	kvfree(f.buf);
	mutex_unlock(&s->lock);
	if (!s->finished) {
		/* still the helper's memory: tell it why */
		memcpy(a.reason, s->reason, sizeof(a.reason));
		if (kckpt_copy_struct_out(ua, &a, sizeof(a)))
			return -EFAULT;
	}
	return ret;
}
