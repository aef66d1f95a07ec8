// SPDX-License-Identifier: GPL-2.0
/*
 * Reading an image into a restore session, and the BEGIN and NOTE ioctls.
 * The image is hostile until proven otherwise: the ELF header, program
 * headers and notes are bounds-checked here, their contents in
 * restore_check.c.
 */
#include <linux/elf.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "core/compat.h"
#include "core/kckpt.h"
#include "core/special.h"
#include "restore/restore.h"

#define KCKPT_MAX_NOTES_BYTES	(64U << 20)

int kckpt_session_refuse(struct kckpt_session *s, const char *fmt, ...)
{
	va_list args;

	if (!s->reason[0]) {
		va_start(args, fmt);
		vsnprintf(s->reason, sizeof(s->reason), fmt, args);
		va_end(args);
	}
	return -EINVAL;
}

void kckpt_session_free(struct kckpt_session *s)
{
	if (!s)
		return;
	kckpt_session_close_files(s);
	if (s->image)
		fput(s->image);
	kvfree(s->notes);
	kvfree(s->refs);
	kvfree(s->vmas);
	kvfree(s->segs);
	kfree(s);
}

const struct kckpt_note_ref *kckpt_find_note(struct kckpt_session *s,
					     u32 type, bool kckpt, u32 index)
{
	int i;

	for (i = 0; i < s->nr_refs; i++)
		if (s->refs[i].type == type && s->refs[i].kckpt == kckpt &&
		    !index--)
			return &s->refs[i];
	return NULL;
}

static int kckpt_read_exact(struct kckpt_session *s, void *buf, size_t len,
			    loff_t off)
{
	ssize_t n;

	if (off < 0 || off > s->image_size || len > s->image_size - off)
		return kckpt_session_refuse(s, "the image is truncated (%zu bytes at %lld)",
					    len, off);
	n = kernel_read(s->image, buf, len, &off);
	if (n < 0)
		return n;
	return n == len ? 0 : kckpt_session_refuse(s, "the image is truncated");
}

static int kckpt_check_ehdr(struct kckpt_session *s, const struct elf64_hdr *eh)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_type != ET_CORE ||
	    eh->e_machine != EM_X86_64)
		return kckpt_session_refuse(s, "not an x86-64 ELF core image");
	if (eh->e_phentsize != sizeof(struct elf64_phdr) || !eh->e_phnum ||
	    eh->e_phnum == PN_XNUM)
		return kckpt_session_refuse(s, "bad program header table");
	return 0;
}

/* Appends one PT_NOTE segment's notes to the session, checking each. */
static int kckpt_index_notes(struct kckpt_session *s, size_t start, size_t end)
{
	size_t pos = start;

	while (pos < end) {
		struct elf64_note nh;
		size_t name, desc;

		if (end - pos < sizeof(nh))
			return kckpt_session_refuse(s, "a note header is cut off");
		memcpy(&nh, s->notes + pos, sizeof(nh));
		name = pos + sizeof(nh);
		if (nh.n_namesz > end - name ||
		    ALIGN((size_t)nh.n_namesz, 4) > end - name)
			return kckpt_session_refuse(s, "a note name runs past its segment");
		desc = name + ALIGN((size_t)nh.n_namesz, 4);
		if (nh.n_descsz > end - desc)
			return kckpt_session_refuse(s, "a note runs past its segment");
		s->refs[s->nr_refs++] = (struct kckpt_note_ref) {
			.type = nh.n_type, .off = desc, .len = nh.n_descsz,
			.kckpt = nh.n_namesz == sizeof(KCKPT_NOTE_NAME) &&
				 !memcmp(s->notes + name, KCKPT_NOTE_NAME,
					 sizeof(KCKPT_NOTE_NAME)),
		};
		pos = desc + min_t(size_t, ALIGN((size_t)nh.n_descsz, 4), end - desc);
	}
	return 0;
}

static int kckpt_load_notes(struct kckpt_session *s,
			    const struct elf64_phdr *ph, int n)
{
	size_t total = 0, pos = 0;
	int i, err;

	for (i = 0; i < n; i++) {
		if (ph[i].p_type != PT_NOTE)
			continue;
		if (ph[i].p_filesz > KCKPT_MAX_NOTES_BYTES - total)
			return kckpt_session_refuse(s, "the notes are too large");
		total += ph[i].p_filesz;
	}
	if (!total)
		return kckpt_session_refuse(s, "the image has no notes");
	s->notes = kvmalloc(total, GFP_KERNEL);
	s->refs = kvcalloc(total / sizeof(struct elf64_note) + 1,
			   sizeof(*s->refs), GFP_KERNEL);
	if (!s->notes || !s->refs)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		if (ph[i].p_type != PT_NOTE)
			continue;
		err = kckpt_read_exact(s, s->notes + pos, ph[i].p_filesz,
				       ph[i].p_offset);
		err = err ?: kckpt_index_notes(s, pos, pos + ph[i].p_filesz);
		if (err)
			return err;
		pos += ph[i].p_filesz;
	}
	s->notes_len = total;
	return 0;
}

/* Reads the ELF header, program headers and notes of @image. */
int kckpt_session_load(struct kckpt_session *s, struct file *image)
{
	struct elf64_phdr *ph;
	struct elf64_hdr eh;
	size_t len;
	int err;

	s->image = image;
	s->image_size = i_size_read(file_inode(image));
	err = kckpt_read_exact(s, &eh, sizeof(eh), 0);
	err = err ?: kckpt_check_ehdr(s, &eh);
	if (err)
		return err;
	len = (size_t)eh.e_phnum * sizeof(*ph);
	ph = kvmalloc(len, GFP_KERNEL);
	if (!ph)
		return -ENOMEM;
	err = kckpt_read_exact(s, ph, len, eh.e_phoff);
	err = err ?: kckpt_load_notes(s, ph, eh.e_phnum);
	kvfree(ph);
	return err;
}

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
	struct kckpt_session *s = READ_ONCE(dev->private_data);
	const struct kckpt_note_ref *r;
	struct kckpt_restore_note n;
	int err;

	if (!s)
		return -EINVAL;
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
