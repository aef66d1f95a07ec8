/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A restore session: the validated metadata of one image, attached to the
 * open /dev/kckpt file that began it. Every count, offset, length and
 * address was checked against the image size and TASK_SIZE when the session
 * began; FINISH trusts nothing else.
 */
#ifndef _KCKPT_RESTORE_H
#define _KCKPT_RESTORE_H

#include <linux/bvec.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <asm/user.h>
#include <uapi/kckpt.h>

struct file;
struct kckpt_uarg;

/* One note of the image: where its descriptor sits in session->notes. */
struct kckpt_note_ref {
	u32 type;
	bool kckpt;		/* owner "KCKPT" */
	size_t off;
	size_t len;
};

struct kckpt_vma_ref {
	struct kckpt_vma v;	/* the fixed part, copied and checked */
	const char *path;	/* NUL-terminated, or NULL */
};

struct kckpt_session {
	struct mutex lock;	/* serialises the ioctls of this session */
	struct pid *owner;	/* the task that began it: only it goes on */
	bool finished;
	struct file *image;
	loff_t image_size;
	u8 *notes;		/* every PT_NOTE segment, back to back */
	size_t notes_len;
	struct kckpt_note_ref *refs;
	int nr_refs;
	struct kckpt_image_hdr hdr;
	struct kckpt_proc proc;
	struct kckpt_thread thread;
	struct user_regs_struct regs;
	struct kckpt_vma_ref *vmas;
	int nr_vmas;
	struct kckpt_segment *segs;
	int nr_segs;
	int nr_fds;
	int max_fd;
	const u8 *auxv;
	struct file **files;	/* per VMA: its mapped file, or NULL */
	char reason[KCKPT_REASON_LEN];
};

__printf(2, 3) int kckpt_session_refuse(struct kckpt_session *s,
					const char *fmt, ...);
const struct kckpt_note_ref *kckpt_find_note(struct kckpt_session *s,
					     u32 type, bool kckpt, u32 index);
void kckpt_session_free(struct kckpt_session *s);
struct kckpt_session *kckpt_session_of(struct file *dev);
int kckpt_session_load(struct kckpt_session *s, struct file *image);

/* restore/ioc_begin.c */
long kckpt_ioc_restore_begin(struct file *dev, const struct kckpt_uarg *ua);
long kckpt_ioc_restore_note(struct file *dev, const struct kckpt_uarg *ua);

/* restore/check.c */
int kckpt_session_check(struct kckpt_session *s);
int kckpt_check_owner(struct kckpt_session *s);

/* restore/files.c */
int kckpt_session_open_files(struct kckpt_session *s);
void kckpt_session_close_files(struct kckpt_session *s);

/*
 * restore/fill.c: every saved page into the memory FINISH mapped, each
 * segment's crc32c checked; @buf is KCKPT_FILL_BUF bytes (FINISH takes it
 * before its point of no return): two batches' page and bio_vec arrays.
 */
#define KCKPT_FILL_PAGES	512
#define KCKPT_FILL_BUF		(KCKPT_FILL_PAGES * 2 * \
				 (sizeof(struct page *) + sizeof(struct bio_vec)))
int kckpt_fill_memory(struct kckpt_session *s, void *buf);

/* restore/finish.c */
long kckpt_ioc_restore_finish(struct file *dev, const struct kckpt_uarg *ua);

#endif /* _KCKPT_RESTORE_H */
