/* SPDX-License-Identifier: GPL-2.0 */
/* kckpt-restore: the state shared by the steps (see main.c for the flow). */
#ifndef KR_RESTORE_H
#define KR_RESTORE_H

#include <uapi/kckpt.h>

#define KR_EXIT_USAGE	2	/* bad command line */
#define KR_EXIT_FAILED	5	/* restore failed (DragonFly checkpt's code) */

#define KR_SIG_UNBLOCK	1	/* rt_sigprocmask how */
#define KR_SIG_SETMASK	2

#define KR_ATTEMPTS	3	/* runs in all when the helper's memory is in the way */
#define KR_ATTEMPT_ENV	"KCKPT_RESTORE_ATTEMPT"	/* =N: this is run N (absent: 1) */

#define KR_PAGE_SIZE	4096UL
#define KR_PATH_MAX	4096
#define KR_XSTATE_MAX	16384	/* AMX tile data included, XSAVE is ~11 KiB */
#define KR_MAX_PENDING	4096	/* the module saves at most this many */

struct kr_state {
	char **argv, **envp;		/* as started, to run again (kr_retry) */
	const char *image_path;
	int dev_fd;			/* /dev/kckpt, above the image's fds */
	int image_fd;			/* the image, ditto */
	int tty_fd;			/* the restore terminal, or -1 */
	int tty_by_mode[3];		/* reopened for O_RDONLY/O_WRONLY/O_RDWR, or -1 */
	int have_resume_code;
	__u32 resume_code;
	int want_pid;			/* --pid N: restore as pid N, or 0 */
	struct kckpt_restore_begin begin;
	struct kckpt_proc proc;
	struct kckpt_thread thread;
	struct kckpt_sigaction sigactions[KCKPT_NSIG];
	__u32 nr_pending;		/* entries in kr_pending */
	int have_cwd;
	char cwd[KR_PATH_MAX];
	__u32 xstate_len;		/* bytes in kr_xstate, 0: no XRSTOR */
	unsigned long scratch;		/* PROT_NONE room to move the specials through, or 0 */
};

/* Buffers too big for the stack (there is no heap). */
extern struct kckpt_siginfo kr_pending[KR_MAX_PENDING];
extern unsigned char kr_xstate[KR_XSTATE_MAX];

/* main.c: run again from the start, or after KR_ATTEMPTS runs exit 5 */
__attribute__((noreturn, format(printf, 2, 3)))
void kr_retry(struct kr_state *st, const char *fmt, ...);

/* notes.c */
#define KR_NOTE_OPTIONAL 1	/* a missing note returns -ENOENT */
#define KR_NOTE_GROWS	2	/* may be larger than @cap: use the known prefix */
long kr_note(struct kr_state *st, __u32 type, __u32 index, void *buf,
	     __u32 cap, const char *what, int flags);
void kr_fetch_notes(struct kr_state *st);

/* fds.c */
void kr_fds_prepare(struct kr_state *st);
void kr_fds_restore(struct kr_state *st);

/* proc.c */
void kr_proc_restore(struct kr_state *st);
void kr_rlimits_restore(struct kr_state *st);
void kr_confinement_restore(struct kr_state *st);

/* samepid.c */
void kr_take_pid(struct kr_state *st);

/* signals.c */
void kr_block_all_signals(void);
void kr_sigactions_restore(struct kr_state *st);
void kr_sigaltstack_restore(struct kr_state *st);
void kr_pending_restore(struct kr_state *st);
void kr_itimer_restore(struct kr_state *st);

/* maps.c */
void kr_specials_reserve(struct kr_state *st);
void kr_specials_move(struct kr_state *st);

/* xstate.c */
void kr_xstate_check(struct kr_state *st);
void kr_set_segment_bases(struct kr_state *st);
long kr_finish(struct kr_state *st, struct kckpt_restore_finish *fin);

#endif /* KR_RESTORE_H */
