// SPDX-License-Identifier: GPL-2.0
/*
 * A restore session: its refusal reason, its notes, and reading an image
 * into it. The image is hostile until proven otherwise: the ELF header,
 * program headers and notes are bounds-checked here, their contents in
 * restore/check.c.
 */
#include <linux/elf.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/pid.h>
#include <linux/sched.h>
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
	put_pid(s->owner);
	kfree(s);
}

/*
 * The session begun on @dev, for its own task only: a descriptor passed on
 * (fork, SCM_RIGHTS) must not let another process read the image's notes
 * or become the image. ERR_PTR(-EINVAL) without one, -EPERM for another.
 */
struct kckpt_session *kckpt_session_of(struct file *dev)
{
	struct kckpt_session *s = READ_ONCE(dev->private_data);

	if (!s)
		return ERR_PTR(-EINVAL);
	if (s->owner != task_pid(current))
		return ERR_PTR(-EPERM);
	return s;
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
	s->notes = kvmalloc(total, KCKPT_GFP_SIZED);
	s->refs = kvcalloc(total / sizeof(struct elf64_note) + 1,
			   sizeof(*s->refs), KCKPT_GFP_SIZED);
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
	ph = kvmalloc(len, KCKPT_GFP_SIZED);
	if (!ph)
		return -ENOMEM;
	err = kckpt_read_exact(s, ph, len, eh.e_phoff);
	err = err ?: kckpt_load_notes(s, ph, eh.e_phnum);
	kvfree(ph);
	return err;
}
