// SPDX-License-Identifier: GPL-2.0
/*
 * The files an image maps, opened when the session begins, with the
 * restorer's credentials: each must be the very file the image saw (device,
 * inode, size, mtime), or the restore is refused while the helper can
 * still say why.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/namei.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/stat.h>

#include "core/file_id.h"
#include "core/kckpt.h"
#include "restore/restore.h"

static bool kckpt_vma_is_file(const struct kckpt_vma *v)
{
	return v->kind == KCKPT_VMA_FILE_PRIVATE || v->kind == KCKPT_VMA_FILE_SHARED;
}

static int kckpt_same_file(struct kckpt_session *s, struct file *file,
			   const struct kckpt_vma_ref *r)
{
	const struct kckpt_file_id saved = {
		.dev = r->v.dev, .ino = r->v.ino, .size = r->v.file_size,
		.mtime_sec = r->v.mtime_sec, .mtime_nsec = r->v.mtime_nsec,
		.regular = true,
	};
	struct kckpt_file_id now;
	int err;

	err = kckpt_file_id(&file->f_path, &now);
	if (err)
		return err;
	if (!kckpt_file_id_same(&now, &saved))
		return kckpt_session_refuse(s, "%s changed since the checkpoint", r->path);
	return 0;
}

/*
 * Only a regular file is opened: an image may name a FIFO (whose open
 * would wait for a writer), a terminal (which would become the caller's)
 * or a device (whose open may act). Looked at first; opened non-blocking
 * and without a controlling terminal in case the path changed meanwhile,
 * which kckpt_same_file() then refuses.
 */
static int kckpt_check_regular(struct kckpt_session *s, const char *name)
{
	struct path path;
	bool regular;
	int err = kern_path(name, LOOKUP_FOLLOW, &path);

	if (err)
		return kckpt_session_refuse(s, "cannot open %s (error %d)", name, err);
	regular = d_is_reg(path.dentry);
	path_put(&path);
	if (!regular)
		return kckpt_session_refuse(s, "%s is no longer a regular file", name);
	return 0;
}

static struct file *kckpt_open_vma_file(struct kckpt_session *s, int i)
{
	const struct kckpt_vma_ref *r = &s->vmas[i];
	int flags = O_RDONLY | O_LARGEFILE | O_NONBLOCK | O_NOCTTY;
	struct file *file;
	int err;

	if (r->v.kind == KCKPT_VMA_FILE_SHARED && (r->v.prot & PROT_WRITE))
		flags = O_RDWR | O_LARGEFILE | O_NONBLOCK | O_NOCTTY;
	/* consecutive VMAs of one file (a library's segments) share it */
	if (i && s->files[i - 1] && !strcmp(s->vmas[i - 1].path, r->path) &&
	    (s->files[i - 1]->f_flags & O_ACCMODE) == (flags & O_ACCMODE))
		return get_file(s->files[i - 1]);
	err = kckpt_check_regular(s, r->path);
	if (err)
		return ERR_PTR(err);
	file = filp_open(r->path, flags, 0);
	if (IS_ERR(file)) {
		kckpt_session_refuse(s, "cannot open %s (error %ld)", r->path,
				     PTR_ERR(file));
		return file;
	}
	err = kckpt_same_file(s, file, r);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

/*
 * The session holds one open file per file mapping until FINISH: as many
 * as the caller may have open (RLIMIT_NOFILE), no more.
 */
static int kckpt_check_file_count(struct kckpt_session *s)
{
	unsigned long n = 0, max = rlimit(RLIMIT_NOFILE);
	int i;

	for (i = 0; i < s->nr_vmas; i++)
		n += kckpt_vma_is_file(&s->vmas[i].v);
	if (n > max)
		return kckpt_session_refuse(s, "the image maps %lu files, more than your RLIMIT_NOFILE (%lu) lets you open",
					    n, max);
	return 0;
}

int kckpt_session_open_files(struct kckpt_session *s)
{
	int i, err;

	err = kckpt_check_file_count(s);
	if (err)
		return err;
	s->files = kvcalloc(s->nr_vmas, sizeof(*s->files), KCKPT_GFP_SIZED);
	if (!s->files)
		return -ENOMEM;
	for (i = 0; i < s->nr_vmas; i++) {
		struct file *file;

		if (!kckpt_vma_is_file(&s->vmas[i].v))
			continue;
		file = kckpt_open_vma_file(s, i);
		if (IS_ERR(file))
			return PTR_ERR(file);
		s->files[i] = file;
	}
	return 0;
}

void kckpt_session_close_files(struct kckpt_session *s)
{
	int i;

	for (i = 0; s->files && i < s->nr_vmas; i++)
		if (s->files[i])
			fput(s->files[i]);
	kvfree(s->files);
	s->files = NULL;
}
