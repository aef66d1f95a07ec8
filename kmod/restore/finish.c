// SPDX-License-Identifier: GPL-2.0
/*
 * KCKPT_IOC_RESTORE_FINISH. Before the point of no return: every mapped
 * file is opened with the restorer's credentials and must be the file the
 * image saw (dev, inode, size, mtime); a failure returns an error and the
 * helper is untouched. After it: the helper's memory is replaced by the
 * image's, the mm fields, signal mask, rseq, robust list, tid addresses and
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
#include <asm/processor-flags.h>
#include <asm/segment.h>

#include "core/compat.h"
#include "dump/image.h"
#include "core/crc.h"
#include "core/kckpt.h"
#include "restore/restore.h"

/*
 * pages filled per batch; f->buf holds two batches' page arrays (the two
 * lanes of a read fill; or the process's and the image's pages of a batch
 * when the image is mapped) and the lanes' bio_vec arrays
 */
#define KCKPT_FILL_PAGES	512
#define KCKPT_FILL_BUF		(KCKPT_FILL_PAGES * 2 * \
				 (sizeof(struct page *) + sizeof(struct bio_vec)))
/* the flags a user program may change (as sigreturn allows) */
#define KCKPT_USER_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | \
				 X86_EFLAGS_TF | X86_EFLAGS_SF | X86_EFLAGS_ZF | \
				 X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | \
				 X86_EFLAGS_RF)

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
	current_pt_regs()->ax = r->ax;
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

/* Unmaps everything but the kernel's own mappings (vdso, vvar). */
static int kckpt_unmap_helper(void)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long *ranges;
	int n = 0, i, err = 0;

	KCKPT_VMA_ITERATOR(vmi, mm);

	mmap_read_lock(mm);
	ranges = kvmalloc_array(mm->map_count * 2, sizeof(*ranges), GFP_KERNEL);
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

/*
 * A run of pages a read fill brings back, by the ioctl's thread or by a
 * worker on another CPU meanwhile: @nr pages at @vaddr from the image at
 * @off, and their crc32c (seeded with 0).
 */
struct kckpt_fill_lane {
	struct work_struct work;
	struct kckpt_fill_src *src;
	struct page **pages;	/* KCKPT_FILL_PAGES of them */
	struct bio_vec *bv;	/* as many */
	u64 vaddr;
	loff_t off;
	unsigned long nr;
	u32 crc;
	int err;
};

/*
 * Where the pages come from: the image's O_DIRECT file (@direct_ok until
 * the file system refuses a read), its map, or the image itself.
 */
struct kckpt_fill_src {
	struct file *image;
	struct file *direct;
	bool direct_ok;
	unsigned long map;
	struct mm_struct *mm;
	struct kckpt_fill_lane lanes[2];
};

/* Faults in (and unshares) up to @nr pages at @vaddr for writing. */
static long kckpt_fill_gup(struct mm_struct *mm, u64 vaddr, unsigned long nr,
			   struct page **pages)
{
	long got;

	mmap_read_lock(mm);
	got = kckpt_gup(mm, vaddr, nr, FOLL_WRITE | FOLL_FORCE, pages);
	mmap_read_unlock(mm);
	return got ?: -EFAULT;
}

static void kckpt_fill_put(struct page **pages, long n, bool filled)
{
	long i;

	for (i = 0; i < n; i++) {
		if (filled && !PageAnon(pages[i]))
			set_page_dirty_lock(pages[i]);
		put_page(pages[i]);
	}
}

/* Reads the image at *@off into the pages of @it, to the end. */
static int kckpt_fill_read(struct kckpt_fill_src *src, struct iov_iter *it,
			   loff_t *off)
{
	while (iov_iter_count(it)) {
		bool direct = READ_ONCE(src->direct_ok);
		ssize_t done = vfs_iter_read(direct ? src->direct : src->image,
					     it, off, 0);

		if (done == -EINVAL && direct) {
			/* refused (alignment, say): the page cache, then */
			WRITE_ONCE(src->direct_ok, false);
			continue;
		}
		if (done <= 0)
			return done ?: -EIO;
	}
	return 0;
}

/*
 * Fills a lane's pages: they are faulted in (and copy-on-write broken,
 * FOLL_FORCE as ptrace writes: read-only and PROT_NONE mappings too), the
 * image is read straight into them, an ITER_BVEC: one copy, no bounce
 * buffer, and none at all from the image opened O_DIRECT; then their
 * crc32c is taken on their kernel mapping.
 */
static int kckpt_fill_lane(struct kckpt_fill_lane *l)
{
	unsigned long done = 0;
	struct iov_iter it;
	long got, i;
	int err;

	l->crc = 0;
	while (done < l->nr) {
		got = kckpt_fill_gup(l->src->mm, l->vaddr + done * PAGE_SIZE,
				     l->nr - done, l->pages);
		if (got < 0)
			return got;
		for (i = 0; i < got; i++)
			l->bv[i] = (struct bio_vec) {
				.bv_page = l->pages[i], .bv_len = PAGE_SIZE,
			};
		iov_iter_bvec(&it, ITER_DEST, l->bv, got, got * PAGE_SIZE);
		err = kckpt_fill_read(l->src, &it, &l->off);
		if (!err)
			l->crc = kckpt_crc_page_run(l->crc, l->pages, got);
		kckpt_fill_put(l->pages, got, !err);
		if (err)
			return err;
		done += got;
	}
	return 0;
}

static void kckpt_fill_lane_work(struct work_struct *work)
{
	struct kckpt_fill_lane *l = container_of(work, struct kckpt_fill_lane,
						 work);

	l->err = kckpt_fill_lane(l);
}

/*
 * Fills up to two batches at @vaddr from the image at *@off and adds them
 * to *@crc; returns how many pages. The second batch goes to a worker on
 * another CPU. Faulting the pages in (zeroing them first) costs more than
 * their crc32c: rather than one CPU faulting and the other summing, each
 * does both for its own batch, and the two sums are combined in order.
 */
static long kckpt_fill_pages_read(struct kckpt_fill_src *src, u64 vaddr,
				  loff_t *off, unsigned long nr, u32 *crc)
{
	struct kckpt_fill_lane *a = &src->lanes[0], *b = &src->lanes[1];
	unsigned long rest;

	a->vaddr = vaddr;
	a->off = *off;
	a->nr = min_t(unsigned long, nr, KCKPT_FILL_PAGES);
	rest = nr - a->nr;
	if (rest) {
		b->vaddr = vaddr + a->nr * PAGE_SIZE;
		b->off = *off + a->nr * PAGE_SIZE;
		b->nr = min_t(unsigned long, rest, KCKPT_FILL_PAGES);
		queue_work(system_unbound_wq, &b->work);
	}
	a->err = kckpt_fill_lane(a);
	if (rest)
		flush_work(&b->work);
	if (a->err || (rest && b->err))
		return a->err ?: b->err;
	*crc = kckpt_crc32c_combine(*crc, a->crc, (u64)a->nr * PAGE_SIZE);
	if (rest)
		*crc = kckpt_crc32c_combine(*crc, b->crc,
					    (u64)b->nr * PAGE_SIZE);
	*off += (a->nr + (rest ? b->nr : 0)) * PAGE_SIZE;
	return a->nr + (rest ? b->nr : 0);
}

/*
 * The same from the image mapped at @map: each page is copied from
 * the image's page to the process's and its crc32c taken in one pass over
 * the data, instead of a copy and then a second pass for the crc32c.
 */
static long kckpt_fill_pages_mapped(struct kckpt_finish *f, unsigned long map,
				    u64 vaddr, loff_t *off, unsigned long nr,
				    u32 *crc)
{
	struct page **pages = (struct page **)f->buf;
	struct page **src = pages + KCKPT_FILL_PAGES;
	struct mm_struct *mm = current->mm;
	long got, have, i;

	nr = min_t(unsigned long, nr, KCKPT_FILL_PAGES);
	got = kckpt_fill_gup(mm, vaddr, nr, pages);
	if (got < 0)
		return got;
	mmap_read_lock(mm);
	have = kckpt_gup(mm, map + *off, got, 0, src);
	mmap_read_unlock(mm);
	if (have <= 0) {
		kckpt_fill_put(pages, got, false);
		return have ?: -EFAULT;
	}
	for (i = 0; i < have; i++) {
		const void *from = kckpt_kmap(src[i]);
		void *to = kckpt_kmap(pages[i]);

		*crc = kckpt_crc32c_copy(*crc, to, from, PAGE_SIZE);
		kckpt_kunmap(to);
		kckpt_kunmap(from);
		put_page(src[i]);
	}
	kckpt_fill_put(pages, have, true);
	kckpt_fill_put(pages + have, got - have, false);
	*off += have << PAGE_SHIFT;
	return have;
}

static long kckpt_fill_pages(struct kckpt_finish *f,
			     struct kckpt_fill_src *src, u64 vaddr,
			     loff_t *off, unsigned long nr, u32 *crc)
{
	if (src->map)
		return kckpt_fill_pages_mapped(f, src->map, vaddr, off, nr, crc);
	return kckpt_fill_pages_read(src, vaddr, off, nr, crc);
}

static int kckpt_fill_segment(struct kckpt_finish *f,
			      struct kckpt_fill_src *src,
			      const struct kckpt_segment *g)
{
	loff_t off = g->offset;
	u64 done = 0;
	u32 crc = ~0U;

	while (done < g->size) {
		unsigned long nr = min_t(u64, 2 * KCKPT_FILL_PAGES,
					 (g->size - done) >> PAGE_SHIFT);
		long got = kckpt_fill_pages(f, src, g->vaddr + done, &off,
					  nr, &crc);

		if (got < 0)
			return got;
		done += (u64)got << PAGE_SHIFT;
		if (fatal_signal_pending(current))
			return -EINTR;
		cond_resched();
	}
	return ~crc == g->crc32c ? 0 : -EBADMSG;
}

/*
 * The image mapped read-only (shared: its page cache, no copy) for the
 * time of the fill when its file system allows, or 0: it is read then.
 */
static unsigned long kckpt_map_image(struct kckpt_finish *f)
{
	unsigned long len = PAGE_ALIGN(f->s->image_size), addr;

	if (!len || len < f->s->image_size)
		return 0;
	addr = vm_mmap(f->s->image, 0, len, PROT_READ, MAP_SHARED, 0);
	return IS_ERR_VALUE(addr) ? 0 : addr;
}

/*
 * Direct I/O first: the device writes the pages and only the crc32c reads
 * them. Where the file system has none (tmpfs), the page cache mapped.
 */
static void kckpt_fill_src_open(struct kckpt_finish *f,
				struct kckpt_fill_src *src)
{
	struct page **pages = (struct page **)f->buf;
	struct bio_vec *bv = (struct bio_vec *)(pages + 2 * KCKPT_FILL_PAGES);
	int i;

	memset(src, 0, sizeof(*src));
	src->image = f->s->image;
	src->mm = current->mm;
	src->direct = kckpt_open_direct(src->image, O_RDONLY);
	src->direct_ok = src->direct;
	src->map = src->direct ? 0 : kckpt_map_image(f);
	for (i = 0; i < ARRAY_SIZE(src->lanes); i++) {
		src->lanes[i].src = src;
		src->lanes[i].pages = pages + i * KCKPT_FILL_PAGES;
		src->lanes[i].bv = bv + i * KCKPT_FILL_PAGES;
		INIT_WORK_ONSTACK(&src->lanes[i].work, kckpt_fill_lane_work);
	}
}

static void kckpt_fill_src_close(struct kckpt_finish *f,
				 struct kckpt_fill_src *src)
{
	int i;

	if (src->direct)
		fput(src->direct);
	if (src->map)
		vm_munmap(src->map, PAGE_ALIGN(f->s->image_size));
	for (i = 0; i < ARRAY_SIZE(src->lanes); i++)
		destroy_work_on_stack(&src->lanes[i].work);
}

static int kckpt_fill_memory(struct kckpt_finish *f)
{
	struct kckpt_fill_src src;
	int i, v = 0, err = 0;

	kckpt_fill_src_open(f, &src);
	for (i = 0; i < f->s->nr_segs && !err; i++) {
		const struct kckpt_segment *g = &f->s->segs[i];

		/* segments are sorted and each lies in one VMA (checked) */
		while (f->s->vmas[v].v.end <= g->vaddr)
			v++;
		if (f->s->vmas[v].v.kind == KCKPT_VMA_VDSO)
			continue;	/* the live vdso is this kernel's */
		err = kckpt_fill_segment(f, &src, g);
	}
	kckpt_fill_src_close(f, &src);
	return err;
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

/* The saved registers, sanitised, except ax (see kckpt_resume). */
static void kckpt_set_regs(struct kckpt_session *s)
{
	const struct user_regs_struct *u = &s->regs;
	struct pt_regs *regs = current_pt_regs();

	regs->r15 = u->r15;
	regs->r14 = u->r14;
	regs->r13 = u->r13;
	regs->r12 = u->r12;
	regs->bp = u->bp;
	regs->bx = u->bx;
	regs->r11 = u->r11;
	regs->r10 = u->r10;
	regs->r9 = u->r9;
	regs->r8 = u->r8;
	regs->cx = u->cx;
	regs->dx = u->dx;
	regs->si = u->si;
	regs->di = u->di;
	regs->ip = u->ip;
	regs->sp = u->sp;
	regs->flags = (regs->flags & ~KCKPT_USER_EFLAGS) |
		      (u->flags & KCKPT_USER_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_ax = -1;	/* no syscall restart on the way out */
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
	err = err ?: kckpt_fill_memory(f);
	err = err ?: kckpt_schedule_resume(f->s, f->args);
	if (err) {
		pr_info("restore of pid %d failed after the point of no return (%d): killed\n",
			task_pid_nr(current), err);
		force_sig(SIGKILL);
		return -EINTR;
	}
	kckpt_set_mm(f->s);
	kckpt_set_thread(f->s);
	kckpt_set_regs(f->s);
	return 0;
}


static long kckpt_finish(struct kckpt_finish *f, struct file *dev)
{
	long ret;

	if (f->s->finished || (f->args->flags & ~KCKPT_RESTORE_FLAGS) ||
	    f->args->pad)
		return -EINVAL;
	/* the credentials BEGIN checked must still be the caller's */
	ret = kckpt_check_owner(f->s);
	if (ret)
		return ret;
	f->buf = kvmalloc(KCKPT_FILL_BUF, GFP_KERNEL);
	if (!f->buf)
		return -ENOMEM;
	ret = kckpt_check_helper_fds(f, dev);
	return ret ?: kckpt_become_image(f);
}

long kckpt_ioc_restore_finish(struct file *dev, const struct kckpt_uarg *ua)
{
	struct kckpt_session *s = READ_ONCE(dev->private_data);
	struct kckpt_restore_finish a;
	struct kckpt_finish f = { .s = s, .args = &a };
	long ret;

	if (!s)
		return -EINVAL;
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
