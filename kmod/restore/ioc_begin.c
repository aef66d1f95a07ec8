// SPDX-License-Identifier: GPL-2.0
/*
 * KCKPT_IOC_RESTORE_BEGIN and _NOTE. BEGIN reads and checks an image into
 * a new session (restore/session.c, restore/check.c), opens the files it
 * maps with the caller's credentials (restore/files.c), pairs its vdso and
 * vvar with this kernel's, and gives the session to the open /dev/kckpt
 * file; a dry run answers the same and keeps nothing. NOTE copies one of
 * the session's notes out for the helper.
 */
#include <linux/elf.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "core/compat.h"
#include "core/kckpt.h"
#include "core/special.h"
#include "restore/restore.h"

/* Where the restoring process has its kernel-provided mappings now. */
static int kckpt_current_specials(struct kckpt_special_map *m, int max)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int n = 0;

	KCKPT_VMA_ITERATOR(vmi, mm);

	mmap_read_lock(mm);
	kckpt_for_each_vma(vmi, vma) {
		const char *name = kckpt_special_name(vma);

		if (!kckpt_special_kind(name))
			continue;
		if (n == max)
			break;
		m[n].cur_start = vma->vm_start;
		m[n].len = vma->vm_end - vma->vm_start;
		strscpy(m[n].name, name, sizeof(m[n].name));
		n++;
	}
	mmap_read_unlock(mm);
	return n;
}

/* Pairs the current special mappings with the image's, in address order. */
static int kckpt_match_specials(struct kckpt_session *s,
				struct kckpt_restore_begin *b)
{
	int i, n = 0;

	b->nr_special = kckpt_current_specials(b->special, KCKPT_SPECIAL_MAX);
	for (i = 0; i < s->nr_vmas; i++) {
		const struct kckpt_vma *v = &s->vmas[i].v;

		if (v->kind != KCKPT_VMA_VDSO && v->kind != KCKPT_VMA_VVAR)
			continue;
		if (n == b->nr_special ||
		    b->special[n].len != v->end - v->start ||
		    v->kind != kckpt_special_kind(b->special[n].name))
			return kckpt_session_refuse(s, "the vdso layout differs from this kernel's");
		b->special[n++].saved_start = v->start;
	}
	if (n != b->nr_special)
		return kckpt_session_refuse(s, "the vdso layout differs from this kernel's");
	return 0;
}

static void kckpt_fill_begin(struct kckpt_session *s,
			     struct kckpt_restore_begin *b)
{
	const struct kckpt_note_ref *r;

	b->nr_fds = s->nr_fds;
	b->max_fd = s->max_fd;
	b->xfeatures = s->hdr.xfeatures;
	r = kckpt_find_note(s, NT_X86_XSTATE, false, 0);
	b->xstate_size = r ? r->len : 0;
	r = kckpt_find_note(s, KCKPT_NT_SIGPENDING, true, 0);
	b->nr_pending = r ? r->len / sizeof(struct kckpt_siginfo) : 0;
}

static int kckpt_begin(struct kckpt_session *s, struct kckpt_restore_begin *b)
{
	struct file *image = fget(b->image_fd);
	int err;

	if (!image)
		return -EBADF;
	if (!(image->f_mode & FMODE_READ) || !S_ISREG(file_inode(image)->i_mode)) {
		fput(image);
		return kckpt_session_refuse(s, "image_fd is not a regular file open for reading");
	}
	err = kckpt_session_load(s, image);
	err = err ?: kckpt_session_check(s);
	err = err ?: kckpt_match_specials(s, b);
	err = err ?: kckpt_session_open_files(s);
	if (!err)
		kckpt_fill_begin(s, b);
	return err;
}

/*
 * A real BEGIN gives @*s to @dev (one session per open file, never
 * replaced); a dry run answers as BEGIN would, EBUSY included, and keeps
 * nothing.
 */
static int kckpt_keep_session(struct file *dev, struct kckpt_session **s,
			      u32 flags)
{
	if (flags & KCKPT_BEGIN_DRY_RUN)
		return READ_ONCE(dev->private_data) ? -EBUSY : 0;
	if (cmpxchg(&dev->private_data, NULL, *s))
		return -EBUSY;
	*s = NULL;	/* the open file owns it now */
	return 0;
}

long kckpt_ioc_restore_begin(struct file *dev, const struct kckpt_uarg *ua)
{
	struct kckpt_restore_begin *b = kzalloc(sizeof(*b), GFP_KERNEL);
	struct kckpt_session *s = NULL;
	int err;

	if (!b)
		return -ENOMEM;
	err = kckpt_copy_struct_in(b, sizeof(*b), ua);
	if (err)
		goto out;
	if ((b->flags & ~KCKPT_BEGIN_FLAGS) || !current->mm) {
		err = -EINVAL;
		goto out;
	}
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s) {
		err = -ENOMEM;
		goto out;
	}
	mutex_init(&s->lock);
	s->owner = get_task_pid(current, PIDTYPE_PID);
	memset(b->special, 0, sizeof(b->special));
	err = kckpt_begin(s, b);
	memcpy(b->reason, s->reason, sizeof(b->reason));
	if (kckpt_copy_struct_out(ua, b, sizeof(*b)) && !err)
		err = -EFAULT;
	if (!err)
		err = kckpt_keep_session(dev, &s, b->flags);
out:
	kckpt_session_free(s);
	kfree(b);
	return err;
}

long kckpt_ioc_restore_note(struct file *dev, const struct kckpt_uarg *ua)
{
	struct kckpt_session *s = kckpt_session_of(dev);
	const struct kckpt_note_ref *r;
	struct kckpt_restore_note n;
	int err;

	if (IS_ERR(s))
		return PTR_ERR(s);
	err = kckpt_copy_struct_in(&n, sizeof(n), ua);
	if (err)
		return err;
	mutex_lock(&s->lock);
	r = kckpt_find_note(s, n.type, n.type >= KCKPT_NT_BASE, n.index);
	if (!r)
		err = -ENOENT;
	else if (copy_to_user(u64_to_user_ptr(n.buf), s->notes + r->off,
			      min_t(size_t, n.len, r->len)))
		err = -EFAULT;
	mutex_unlock(&s->lock);
	if (err)
		return err;
	n.len = r->len;
	return kckpt_copy_struct_out(ua, &n, sizeof(n));
}
