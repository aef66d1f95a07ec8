/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The checkpoint writer. It always runs in the context of the process being
 * checkpointed (the caller itself, or a target parked in a task_work), so it
 * reads its own registers, memory, files and signal state.
 */
#ifndef _KCKPT_DUMP_H
#define _KCKPT_DUMP_H

#include <linux/kref.h>
#include <linux/types.h>
#include <uapi/kckpt.h>

#include "dump/image.h"

struct file;
struct kckpt_image_file;
struct mm_struct;
struct path;
struct pid_namespace;

/* What the ioctl asked for and what it gets back. */
struct kckpt_dump_req {
	struct kref ref;		/* the caller's, and the parked work's */
	/*
	 * The waiting caller was killed: the target stops writing at its
	 * next batch and commits nothing (checkpoint/park.c).
	 */
	bool cancelled;
	/* in the target's context: what to do (NULL: dump to @image) */
	int (*run)(struct kckpt_dump_req *req);
	struct file *image;
	struct kckpt_image_file *place;	/* the module made @image: commit it */
	u32 flags;			/* KCKPT_CKPT_* */
	u32 request_flags;		/* KCKPT_REQ_*, for a REQUEST */
	u32 action;			/* KCKPT_ACT_*: what a REQUEST did */
	u32 resume_code;
	bool self;
	void *manifest;
	u32 manifest_len;
	struct pid_namespace *pidns;	/* the caller's, for pid numbers */
	u64 progress;			/* image bytes so far, while writing */
	u64 __user *progress_out;	/* where the waiting caller shows it */
	/*
	 * What the caller's permission was checked against (NULL when there
	 * was no caller to check: the terminal's request), re-checked in the
	 * target before a byte is written.
	 */
	struct mm_struct *checked_mm;	/* mmgrab()bed */
	u64 checked_exec_id;		/* the target's self_exec_id then */
	bool privileged;		/* the caller held the capabilities */
	u64 image_bytes;
	u64 memory_bytes;
	char path[KCKPT_PATH_LEN];	/* the default file, for a REQUEST */
	char reason[KCKPT_REASON_LEN];
};

__printf(2, 3) void kckpt_reason(struct kckpt_dump_req *req,
				 const char *fmt, ...);

struct kckpt_vma_snap {
	unsigned long start;
	unsigned long end;
	u64 pgoff;			/* bytes */
	u32 kind;
	u32 prot;
	u32 flags;
	bool has_anon;			/* private COW pages may exist */
	struct file *file;		/* referenced, or NULL */
	unsigned long *bitmap;		/* saved pages, or NULL */
	u64 nr_saved;
};

struct kckpt_fd_snap {
	int fd;
	u32 kind;
	bool cloexec;
	struct file *file;		/* referenced */
};

struct kckpt_dump {
	struct kckpt_dump_req *req;
	struct mm_struct *mm;
	struct kckpt_vma_snap *vmas;
	int nr_vmas;
	struct kckpt_fd_snap *fds;
	int nr_fds;
	u32 restart;			/* KCKPT_RESTART_* of the saved regs */
	struct kckpt_image img;
	char *pathbuf;			/* PATH_MAX scratch for d_path */
};

/* dump.c */
int kckpt_dump_current(struct kckpt_dump_req *req);
const char *kckpt_path(struct kckpt_dump *d, const struct path *path);

/* dump_vmas.c */
int kckpt_collect_vmas(struct kckpt_dump *d);
void kckpt_release_vmas(struct kckpt_dump *d);
int kckpt_write_memory(struct kckpt_dump *d);
int kckpt_note_vmas(struct kckpt_dump *d);
int kckpt_note_file_map(struct kckpt_dump *d);
int kckpt_vdso_identity(struct kckpt_dump *d, u64 *start, u64 *size,
			u32 *crc);

/* dump_fds.c */
int kckpt_collect_fds(struct kckpt_dump *d);
void kckpt_release_fds(struct kckpt_dump *d);
int kckpt_note_fds(struct kckpt_dump *d);

/* dump_confine.c */
int kckpt_refuse_confinement(struct kckpt_dump_req *req);
u32 kckpt_confinement(void);

/* dump_unsupported.c */
int kckpt_refuse_unsupported(struct kckpt_dump_req *req);

/* dump_state.c */
int kckpt_note_image_header(struct kckpt_dump *d);
int kckpt_note_threads(struct kckpt_dump *d);
int kckpt_note_process(struct kckpt_dump *d);
int kckpt_note_signals(struct kckpt_dump *d);

#endif /* _KCKPT_DUMP_H */
