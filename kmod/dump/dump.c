// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the calling context's process to an image. Refusals come first,
 * before a byte is written: the caller removes the (empty) image and the
 * process runs on untouched.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/path.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>

#include "core/compat.h"
#include "dump/dump.h"
#include "core/kckpt.h"

void kckpt_reason(struct kckpt_dump_req *req, const char *fmt, ...)
{
	va_list args;

	if (req->reason[0])
		return;		/* the first reason is the one that counts */
	va_start(args, fmt);
	vsnprintf(req->reason, sizeof(req->reason), fmt, args);
	va_end(args);
}

const char *kckpt_path(struct kckpt_dump *d, const struct path *path)
{
	char *p = d_path(path, d->pathbuf, PATH_MAX);

	return IS_ERR(p) ? "?" : p;
}

/* What KCkpt cannot save yet, refused with a reason before anything else. */
static int kckpt_refuse_process(struct kckpt_dump_req *req)
{
	int threads = get_nr_threads(current);
	pid_t sharer;

	if (!current->mm) {
		kckpt_reason(req, "the target has no user memory");
		return -EINVAL;
	}
	if (threads > 1) {
		kckpt_reason(req, "the target is multi-threaded (%d threads); only single-threaded processes can be checkpointed yet",
			     threads);
		return -EOPNOTSUPP;
	}
	if (current->ptrace) {
		kckpt_reason(req, "the target is being traced (ptrace)");
		return -EBUSY;
	}
	sharer = kckpt_mm_sharer(current->mm);
	if (sharer) {
		kckpt_reason(req, "the target shares its memory with process %d (clone(CLONE_VM) or vfork), which could change it while it is saved",
			     sharer);
		return -EOPNOTSUPP;
	}
	if (kckpt_task_uses_io_uring(current)) {
		kckpt_reason(req, "the target uses io_uring, which cannot be checkpointed");
		return -EOPNOTSUPP;
	}
	return kckpt_refuse_confinement(req) ?: kckpt_refuse_unsupported(req);
}

static int kckpt_note_manifest(struct kckpt_dump *d)
{
	if (!d->req->manifest_len)
		return 0;
	return kckpt_note_add(&d->img, KCKPT_NOTE_NAME, KCKPT_NT_MANIFEST,
			      d->req->manifest, d->req->manifest_len);
}

static int kckpt_note_segments(struct kckpt_dump *d)
{
	return kckpt_note_add(&d->img, KCKPT_NOTE_NAME, KCKPT_NT_SEGMENTS,
			      d->img.segs.data, d->img.segs.len);
}

/* The notes that describe the process, then its memory, then the rest. */
/*
 * The image is written from the target's own context, where its own
 * RLIMIT_FSIZE would apply to a file it never asked to write (and
 * SIGXFSZ kill it): lifted for the time of the write, under the lock
 * prlimit takes, and put back unless someone set another value meanwhile.
 * The process note has recorded the real one before.
 */
static unsigned long kckpt_lift_fsize(void)
{
	struct rlimit *r = &current->signal->rlim[RLIMIT_FSIZE];
	unsigned long old;

	task_lock(current->group_leader);
	old = r->rlim_cur;
	r->rlim_cur = RLIM_INFINITY;
	task_unlock(current->group_leader);
	return old;
}

static void kckpt_put_fsize(unsigned long old)
{
	struct rlimit *r = &current->signal->rlim[RLIMIT_FSIZE];

	task_lock(current->group_leader);
	if (r->rlim_cur == RLIM_INFINITY)
		r->rlim_cur = old;
	task_unlock(current->group_leader);
}

/* The process's state, as notes kept in memory until the end. */
static int kckpt_collect_notes(struct kckpt_dump *d)
{
	int err;

	err = kckpt_note_image_header(d);
	err = err ?: kckpt_note_threads(d);
	err = err ?: kckpt_note_process(d);
	err = err ?: kckpt_note_signals(d);
	err = err ?: kckpt_note_file_map(d);
	return err ?: kckpt_note_fds(d);
}

/* The pages, then the notes and headers that describe them. */
static int kckpt_write_data(struct kckpt_dump *d)
{
	unsigned long fsize = kckpt_lift_fsize();
	int err;

	err = kckpt_write_memory(d);
	err = err ?: kckpt_note_vmas(d);
	err = err ?: kckpt_note_segments(d);
	err = err ?: kckpt_note_manifest(d);
	err = err ?: kckpt_image_finish(&d->img);
	kckpt_put_fsize(fsize);
	return err;
}

static int kckpt_write_image(struct kckpt_dump *d)
{
	int err;

	err = kckpt_image_init(&d->img, d->req->image);
	err = err ?: kckpt_collect_notes(d);
	err = err ?: kckpt_write_data(d);
	if (err == -E2BIG)
		kckpt_reason(d->req, "the memory map is too fragmented for one image");
	else if (err)
		kckpt_reason(d->req, "writing the image failed (error %d)", err);
	d->req->image_bytes = d->img.pos;
	d->req->memory_bytes = d->img.memory_bytes;
	return err;
}

int kckpt_dump_current(struct kckpt_dump_req *req)
{
	struct kckpt_dump *d;
	int err;

	err = kckpt_refuse_process(req);
	if (err)
		return err;
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->req = req;
	d->mm = current->mm;
	d->pathbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	err = d->pathbuf ? 0 : -ENOMEM;

	err = err ?: kckpt_collect_fds(d);
	err = err ?: kckpt_collect_vmas(d);
	err = err ?: kckpt_write_image(d);

	kckpt_image_destroy(&d->img);
	kckpt_release_vmas(d);
	kckpt_release_fds(d);
	kfree(d->pathbuf);
	kfree(d);
	return err;
}
