/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The differences between the kernels KCkpt supports (Debian's 5.10, 6.1,
 * 6.12 and sid's 7.2), each behind one named helper so that no other file
 * needs a version test. Where a feature macro tells, it is tested rather
 * than a version; version boundaries between the supported kernels are
 * upstream's, but only the four kernels are built and tested.
 */
#ifndef _KCKPT_COMPAT_H
#define _KCKPT_COMPAT_H

#include <linux/crc32.h>
#include <linux/elfcore.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/rcupdate.h>
#include <linux/rseq.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/sched/signal.h>
#include <linux/uio.h>
#include <linux/version.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#include <linux/filelock.h>	/* file locks left linux/fs.h in 6.3 */
#endif
#ifndef SUID_DUMP_USER
#include <linux/sched/exec_state.h>	/* 7.x: dumpability is the task's */
#endif

/* ---- memory map ---- */

/*
 * Walking the VMAs of an mm (its mmap lock held): the maple tree's
 * iterator since 6.1, the mm->mmap list linked by vm_next before.
 *	KCKPT_VMA_ITERATOR(it, mm);
 *	kckpt_for_each_vma(it, vma) { ... }
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 1, 0)
#define KCKPT_VMA_ITERATOR(name, mm)	VMA_ITERATOR(name, mm, 0)
#define kckpt_for_each_vma(name, vma)	for_each_vma(name, vma)
#else
struct kckpt_vma_iter {
	struct mm_struct *mm;
};

#define KCKPT_VMA_ITERATOR(name, mm_)	struct kckpt_vma_iter name = { .mm = (mm_) }
#define kckpt_for_each_vma(name, vma) \
	for ((vma) = (name).mm->mmap; (vma); (vma) = (vma)->vm_next)
#endif

/* get_user_pages_remote() lost its vmas argument in 6.5. */
static inline long kckpt_gup(struct mm_struct *mm, unsigned long start,
			     unsigned long nr_pages, unsigned int gup_flags,
			     struct page **pages)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
	return get_user_pages_remote(mm, start, nr_pages, gup_flags, pages,
				     NULL, NULL);
#else
	return get_user_pages_remote(mm, start, nr_pages, gup_flags, pages,
				     NULL);
#endif
}

/*
 * A short-lived kernel mapping of a page (unmapped in reverse order):
 * kmap_local_page() since 5.11, kmap_atomic() before.
 */
static inline void *kckpt_kmap(struct page *page)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 11, 0)
	return kmap_local_page(page);
#else
	return kmap_atomic(page);
#endif
}

static inline void kckpt_kunmap(const void *addr)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 11, 0)
	kunmap_local(addr);
#else
	kunmap_atomic((void *)addr);
#endif
}

/* User shadow stacks (VM_SHADOW_STACK) exist since 6.6. */
static inline bool kckpt_vma_is_shadow_stack(struct vm_area_struct *vma)
{
#ifdef VM_SHADOW_STACK
	return vma->vm_flags & VM_SHADOW_STACK;
#else
	return false;
#endif
}

/* ---- files ---- */

/*
 * vfs_iter_write() of kernel pages (an ITER_BVEC). Since 6.8 it takes the
 * file system's freeze protection itself; before, callers did.
 */
static inline ssize_t kckpt_iter_write(struct file *file, struct iov_iter *it,
				       loff_t *pos)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 8, 0)
	ssize_t ret;

	file_start_write(file);
	ret = vfs_iter_write(file, it, pos, 0);
	file_end_write(file);
	return ret;
#else
	return vfs_iter_write(file, it, pos, 0);
#endif
}

/*
 * The path a user sees for a mapped file. Since 6.8 a VMA of an overlayfs
 * file holds the lower "backing" file; its user-visible path is separate.
 */
static inline const struct path *kckpt_user_path(const struct file *f)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
	return file_user_path(f);
#else
	return &f->f_path;
#endif
}

/* Can a file be opened again by its path (not deleted, not a memfd)? */
static inline bool kckpt_path_reachable(const struct path *path)
{
	return !d_unlinked(path->dentry) &&
	       !(path->mnt->mnt_flags & MNT_INTERNAL);
}

/*
 * The id mapping of a mount, as the vfs_*() calls take it: none before
 * 5.12, a user namespace until 6.3, struct mnt_idmap since.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define kckpt_mnt_map(mnt)	mnt_idmap(mnt)
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(5, 12, 0)
#define kckpt_mnt_map(mnt)	mnt_user_ns(mnt)
#endif

static inline int kckpt_vfs_unlink(struct vfsmount *mnt, struct inode *dir,
				   struct dentry *dentry)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 12, 0)
	return vfs_unlink(kckpt_mnt_map(mnt), dir, dentry, NULL);
#else
	return vfs_unlink(dir, dentry, NULL);
#endif
}

/*
 * A rename within one directory @dir of @mnt, of @from to the name @name:
 *	err = kckpt_rename_start(&r, mnt, dir, from, name);
 *	if (!err) {
 *		victim = kckpt_rename_target(&r);   (negative if none)
 *		err = ... ?: kckpt_rename_do(&r);
 *		kckpt_rename_end(&r);
 *	}
 * Between start and end the directory is locked, @name looked up, and
 * @from known to be still in @dir (-ENOENT if it is not). Until 6.19
 * that is lock_rename() and a lookup, and struct renamedata names the
 * directories by inode (by dentry since 6.17); since, the kernel does it
 * all in start_renaming_dentry() (7.x no longer exports lock_rename()).
 */
struct kckpt_rename {
	struct renamedata rd;
	struct dentry *dir;
};

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 19, 0)
static inline int kckpt_rename_start(struct kckpt_rename *r,
				     struct vfsmount *mnt, struct dentry *dir,
				     struct dentry *from, const char *name)
{
	int err;

	memset(r, 0, sizeof(*r));
	r->dir = dir;
	r->rd.mnt_idmap = mnt_idmap(mnt);
	r->rd.old_parent = dir;
	r->rd.new_parent = dir;
	err = start_renaming_dentry(&r->rd, 0, from, &QSTR(name));
	/* "dentry was removed, or moved": gone from where it was made */
	return err == -EINVAL ? -ENOENT : err;
}

static inline void kckpt_rename_end(struct kckpt_rename *r)
{
	end_renaming(&r->rd);
}
#else
static inline struct dentry *kckpt_lookup_in(struct vfsmount *mnt,
					     struct dentry *dir,
					     const char *name)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 16, 0)
	return lookup_one(mnt_idmap(mnt), &QSTR(name), dir);
#else
	return lookup_one_len(name, dir, strlen(name));
#endif
}

static inline int kckpt_rename_start(struct kckpt_rename *r,
				     struct vfsmount *mnt, struct dentry *dir,
				     struct dentry *from, const char *name)
{
	struct dentry *victim;

	memset(r, 0, sizeof(*r));
	r->dir = dir;
	lock_rename(dir, dir);
	victim = kckpt_lookup_in(mnt, dir, name);
	if (IS_ERR(victim)) {
		unlock_rename(dir, dir);
		return PTR_ERR(victim);
	}
	if (from->d_parent != dir || d_unhashed(from)) {
		dput(victim);
		unlock_rename(dir, dir);
		return -ENOENT;
	}
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 17, 0)
	r->rd.mnt_idmap = mnt_idmap(mnt);
	r->rd.old_parent = dir;
	r->rd.new_parent = dir;
#else
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	r->rd.old_mnt_idmap = mnt_idmap(mnt);
	r->rd.new_mnt_idmap = mnt_idmap(mnt);
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(5, 12, 0)
	r->rd.old_mnt_userns = mnt_user_ns(mnt);
	r->rd.new_mnt_userns = mnt_user_ns(mnt);
#endif
	r->rd.old_dir = d_inode(dir);
	r->rd.new_dir = d_inode(dir);
#endif
	r->rd.old_dentry = from;
	r->rd.new_dentry = victim;
	return 0;
}

static inline void kckpt_rename_end(struct kckpt_rename *r)
{
	dput(r->rd.new_dentry);
	unlock_rename(r->dir, r->dir);
}
#endif

static inline struct dentry *kckpt_rename_target(struct kckpt_rename *r)
{
	return r->rd.new_dentry;
}

static inline int kckpt_rename_do(struct kckpt_rename *r)
{
	return vfs_rename(&r->rd);
}

/* ---- tasks ---- */

/* The registered rseq area (NULL when none or without CONFIG_RSEQ). */
static inline struct rseq __user *kckpt_rseq_area(struct task_struct *t)
{
#if !defined(CONFIG_RSEQ)
	return NULL;
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 19, 0)
	return t->rseq.usrptr;
#else
	return t->rseq;
#endif
}

static inline u32 kckpt_rseq_sig(struct task_struct *t)
{
#if !defined(CONFIG_RSEQ)
	return 0;
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 19, 0)
	return t->rseq.sig;
#else
	return t->rseq_sig;
#endif
}

/* The rseq area's length: a task field since 6.3, 32 bytes before. */
static inline u32 kckpt_rseq_len(struct task_struct *t)
{
#if !defined(CONFIG_RSEQ)
	return 0;
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 19, 0)
	return t->rseq.len;
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	return t->rseq_len;
#else
	return t->rseq ? 32 : 0;
#endif
}

/*
 * Registers an rseq area for the current task (NULL: none), as the rseq
 * syscall would, and lets the kernel refresh its cpu_id on the way out.
 * Since 6.19 the state is struct rseq_data, whose has_rseq holds the ABI
 * version the syscall would pick: 2 for an area longer than the original
 * 32 bytes on generic-entry architectures, else 1.
 */
static inline void kckpt_set_rseq(void __user *area, u32 len, u32 sig)
{
#if !defined(CONFIG_RSEQ)
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 19, 0)
	rseq_reset(current);
	if (!area)
		return;
	current->rseq.usrptr = area;
	current->rseq.len = len;
	current->rseq.sig = sig;
	current->rseq.event.has_rseq =
		IS_ENABLED(CONFIG_GENERIC_IRQ_ENTRY) && len > 32 ? 2 : 1;
	rseq_force_update();
#else
	current->rseq = area;
	current->rseq_sig = sig;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	current->rseq_len = len;
#endif
	if (area)
		set_tsk_thread_flag(current, TIF_NOTIFY_RESUME);
#endif
}

/* The robust futex list head: in task->futex since 6.19. */
static inline struct robust_list_head __user *
kckpt_robust_list(struct task_struct *t)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 19, 0)
	return t->futex.robust_list;
#else
	return t->robust_list;
#endif
}

static inline void kckpt_set_robust_list(struct robust_list_head __user *head)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 19, 0)
	current->futex.robust_list = head;
#else
	current->robust_list = head;
#endif
}

/* io_uring state hangs off the task when the kernel has io_uring. */
static inline bool kckpt_task_uses_io_uring(struct task_struct *t)
{
#ifdef CONFIG_IO_URING
	return t->io_uring != NULL;
#else
	return false;
#endif
}

/*
 * Dumpability (prctl PR_SET_DUMPABLE; 0 after a setuid exec): the mm's
 * flags (get_dumpable(), SUID_DUMP_*) until 7.x moved it to the task's
 * exec state (enum task_dumpable, same values; its getter is not
 * exported, the RCU-protected pointer is read as the getter does).
 * @mm is @t's mm, held by the caller.
 */
#define KCKPT_DUMPABLE_USER	1	/* SUID_DUMP_USER, TASK_DUMPABLE_OWNER */

static inline int kckpt_dumpable(struct task_struct *t, struct mm_struct *mm)
{
#ifdef SUID_DUMP_USER
	BUILD_BUG_ON(SUID_DUMP_USER != KCKPT_DUMPABLE_USER);
	return get_dumpable(mm);
#else
	struct task_exec_state *es;
	int dumpable;

	BUILD_BUG_ON(TASK_DUMPABLE_OWNER != KCKPT_DUMPABLE_USER);
	rcu_read_lock();
	es = rcu_dereference(t->exec_state);
	dumpable = es ? es->dumpable : TASK_DUMPABLE_OFF;
	rcu_read_unlock();
	return dumpable;
#endif
}

/*
 * The fields of struct elf_prstatus before pr_reg (pid, signals, times):
 * a struct elf_prstatus_common of their own since 5.11.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 11, 0)
#define kckpt_prstatus_common(prs)	(&(prs)->common)
#else
#define kckpt_prstatus_common(prs)	(prs)
#endif

/*
 * Does the process have POSIX timers (timer_create)? They hang off its
 * signal_struct, on a list_head until 6.6 and an hlist since; since 6.14
 * the ones whose signal is ignored wait on a second list. Both lists
 * change only under sighand->siglock, which the caller holds.
 */
static inline bool kckpt_has_posix_timers(struct signal_struct *sig)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 14, 0)
	return !hlist_empty(&sig->posix_timers) ||
	       !hlist_empty(&sig->ignored_posix_timers);
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
	return !hlist_empty(&sig->posix_timers);
#else
	return !list_empty(&sig->posix_timers);
#endif
}

/*
 * Has the process disabled transparent huge pages (PR_SET_THP_DISABLE)?
 * A bit of mm->flags until 6.18 made them a bitmap (mm_flags_test()) and
 * added a second bit, for "except where madvise()d".
 */
static inline bool kckpt_mm_thp_disabled(struct mm_struct *mm)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 18, 0)
	return mm_flags_test(MMF_DISABLE_THP_COMPLETELY, mm) ||
	       mm_flags_test(MMF_DISABLE_THP_EXCEPT_ADVISED, mm);
#else
	return test_bit(MMF_DISABLE_THP, &mm->flags);
#endif
}

/* ---- file locks ---- */

/*
 * The file locks and leases of an inode (NULL: it never had any):
 * locks_inode_context() since 6.2 (some Debian 5.10 and 6.1 updates have
 * it by backport, not all), the acquire load it wraps before.
 */
static inline struct file_lock_context *
kckpt_locks_context(const struct inode *inode)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	return locks_inode_context(inode);
#else
	return smp_load_acquire(&inode->i_flctx);
#endif
}

/*
 * Does a list of an inode's file_lock_context (flc_flock, flc_posix or
 * flc_lease; its flc_lock held) hold a lock or lease of @owner: the
 * struct file for flock(), OFD locks and leases, the files_struct for
 * POSIX locks? Since 6.9 every entry starts with a struct file_lock_core.
 */
static inline bool kckpt_lock_list_has_owner(struct list_head *list,
					     fl_owner_t owner)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0)
	struct file_lock_core *flc;

	list_for_each_entry(flc, list, flc_list)
		if (flc->flc_owner == owner)
			return true;
#else
	struct file_lock *fl;

	list_for_each_entry(fl, list, fl_list)
		if (fl->fl_owner == owner)
			return true;
#endif
	return false;
}

/* ---- crc32c ---- */

/*
 * The kernel's crc32c (raw: no inversion), vmlinux's own: __crc32c_le()
 * until 6.14 named it crc32c(). (Before 6.14 crc32c() is libcrc32c.ko's,
 * a module of its own.)
 */
static inline u32 kckpt_kernel_crc32c(u32 crc, const void *p, size_t len)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 14, 0)
	return crc32c(crc, p, len);
#else
	return __crc32c_le(crc, p, len);
#endif
}

/* core/crc.c: the module's own combination, for kernels without one. */
u32 kckpt_crc32c_combine_own(u32 crc1, u32 crc2, u64 len2);

/*
 * The crc32c of A followed by B (@len2 bytes) from the sum of A and the sum
 * of B seeded with 0: the kernel's __crc32c_le_combine() until 6.14 removed
 * it, the module's own since.
 */
static inline u32 kckpt_compat_crc32c_combine(u32 crc1, u32 crc2, u64 len2)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 14, 0)
	return kckpt_crc32c_combine_own(crc1, crc2, len2);
#else
	return __crc32c_le_combine(crc1, crc2, len2);
#endif
}

#endif /* _KCKPT_COMPAT_H */
