/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libkckpt: checkpoint-aware C programs on KCkpt (see checkpt(3)).
 *
 * Installed as <kckpt.h>; the kernel interface itself is <linux/kckpt.h>,
 * which this header does not need: it carries its own constants.
 * Link with -lkckpt.
 */
#ifndef KCKPT_USER_H
#define KCKPT_USER_H

#ifdef __cplusplus
extern "C" {
#endif

/* checkpt_fd() flags: what happens to the process once its image is written */
#define CHECKPT_EXIT	(1U << 0)	/* it exits (SIGCKPTEXIT semantics) */
#define CHECKPT_STOP	(1U << 1)	/* it stops, as with SIGSTOP */

/*
 * Checkpoints the calling process to @path (written under a temporary
 * name in the same directory, 0600, and renamed into place). Returns 0
 * when the image is written and the process continues, the resume code
 * (> 0; 1 unless `checkpt -r --resume-code N`) when the process has been
 * restored from that image, -1 with errno on failure (ENOSYS: the kckpt
 * module is not loaded; ECANCELED: a kckpt_atcheckpoint() callback vetoed;
 * kckpt_strerror() says why).
 */
int checkpt(const char *path);

/*
 * As checkpt(), to @fd: an empty regular file open for writing that the
 * caller manages. @flags: 0, CHECKPT_EXIT or CHECKPT_STOP.
 */
int checkpt_fd(int fd, unsigned int flags);

/* As checkpt_fd(); a restore without --resume-code returns @resume_code. */
int checkpt_fd2(int fd, unsigned int flags, unsigned int resume_code);

/*
 * The reason of this thread's last failure in libkckpt: the kernel's
 * sentence when it gave one, else strerror() of the errno.
 */
const char *kckpt_strerror(void);

/*
 * The signal numbers of SIGCKPT (checkpoint request) and SIGCKPTEXIT
 * (checkpoint and exit) of the loaded kckpt module; the defaults (63, 64)
 * when it is not loaded.
 */
int kckpt_sigckpt(void);
int kckpt_sigckptexit(void);

/*
 * Callbacks run by checkpt()/checkpt_fd(): @fn(arg) before the image is
 * written, in registration order (non-zero vetoes the checkpoint), and
 * after a restore from the image, in reverse registration order, before the
 * call returns the resume code. 0 on success, -1 with errno ENOMEM.
 */
int kckpt_atcheckpoint(int (*fn)(void *arg), void *arg);
int kckpt_atrestore(void (*fn)(void *arg), void *arg);

#ifdef __cplusplus
}
#endif

#endif /* KCKPT_USER_H */
