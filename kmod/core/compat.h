/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The differences between the kernels KCkpt supports (6.1 and 6.12), each
 * behind one named helper so that no other file needs a version test.
 */
#ifndef _KCKPT_COMPAT_H
#define _KCKPT_COMPAT_H

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/uio.h>
#include <linux/version.h>

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

/* The registered rseq area (NULL when none or without CONFIG_RSEQ). */
static inline struct rseq __user *kckpt_rseq_area(struct task_struct *t)
{
#ifdef CONFIG_RSEQ
	return t->rseq;
#else
	return NULL;
#endif
}

static inline u32 kckpt_rseq_sig(struct task_struct *t)
{
#ifdef CONFIG_RSEQ
	return t->rseq_sig;
#else
	return 0;
#endif
}

/* The rseq area's length: a task field since 6.3, 32 bytes before. */
static inline u32 kckpt_rseq_len(struct task_struct *t)
{
#if !defined(CONFIG_RSEQ)
	return 0;
#elif LINUX_VERSION_CODE < KERNEL_VERSION(6, 3, 0)
	return t->rseq ? 32 : 0;
#else
	return t->rseq_len;
#endif
}

/* Registers an rseq area for the current task (NULL: none). */
static inline void kckpt_set_rseq(void __user *area, u32 len, u32 sig)
{
#ifdef CONFIG_RSEQ
	current->rseq = area;
	current->rseq_sig = sig;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	current->rseq_len = len;
#endif
	if (area)	/* let the kernel refresh cpu_id on the way out */
		set_tsk_thread_flag(current, TIF_NOTIFY_RESUME);
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

/* User shadow stacks (VM_SHADOW_STACK) exist since 6.6. */
static inline bool kckpt_vma_is_shadow_stack(struct vm_area_struct *vma)
{
#ifdef VM_SHADOW_STACK
	return vma->vm_flags & VM_SHADOW_STACK;
#else
	return false;
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

/* The mount's id mapping became struct mnt_idmap in 6.3. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define kckpt_mnt_map(mnt)	mnt_idmap(mnt)
#define KCKPT_RD_OLD_MAP	old_mnt_idmap
#define KCKPT_RD_NEW_MAP	new_mnt_idmap
#else
#define kckpt_mnt_map(mnt)	mnt_user_ns(mnt)
#define KCKPT_RD_OLD_MAP	old_mnt_userns
#define KCKPT_RD_NEW_MAP	new_mnt_userns
#endif

/* vfs_rename() within one directory of @mnt (caller holds the locks). */
static inline int kckpt_vfs_rename(struct vfsmount *mnt, struct inode *dir,
				   struct dentry *from, struct dentry *to)
{
	struct renamedata rd = {
		.KCKPT_RD_OLD_MAP = kckpt_mnt_map(mnt),
		.old_dir = dir,
		.old_dentry = from,
		.KCKPT_RD_NEW_MAP = kckpt_mnt_map(mnt),
		.new_dir = dir,
		.new_dentry = to,
	};

	return vfs_rename(&rd);
}

static inline int kckpt_vfs_unlink(struct vfsmount *mnt, struct inode *dir,
				   struct dentry *dentry)
{
	return vfs_unlink(kckpt_mnt_map(mnt), dir, dentry, NULL);
}

#endif /* _KCKPT_COMPAT_H */
