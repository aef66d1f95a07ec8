// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libkckpt: checkpt() and friends on top of /dev/kckpt (see checkpt.3).
 *
 * The library's own descriptors across a restore: /dev/kckpt and the image
 * file are open while the process checkpoints itself, so they are in the
 * image; kckpt-restore reopens them at the same numbers in the restored
 * process (if they could be reopened at all). Whichever way the ioctl
 * returns, the library closes both right after it: the continuing process
 * closes what it opened, the restored one what the helper reopened for it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <uapi/kckpt.h>

#include "kckpt.h"

#define KL_API __attribute__((visibility("default")))

/* the header of a module before KCKPT_IOC_REQUEST: the documented defaults */
#ifndef KCKPT_SIGCKPT_DEFAULT
#define KCKPT_SIGCKPT_DEFAULT		63
#define KCKPT_SIGCKPTEXIT_DEFAULT	64
#endif

#define KL_PARAM_DIR	"/sys/module/kckpt/parameters/"

/* ------------------------------------------------------------------ */
/* Errors: errno plus this thread's last reason                          */
/* ------------------------------------------------------------------ */

static __thread int kl_last_errno;
static __thread char kl_reason[KCKPT_REASON_LEN];
static __thread char kl_errbuf[128];

/* Records a failure (@reason may be NULL or empty) and returns -1. */
static int kl_fail(int err, const char *reason)
{
	kl_last_errno = err;
	if (reason)
		snprintf(kl_reason, sizeof(kl_reason), "%s", reason);
	else
		kl_reason[0] = '\0';
	errno = err;
	return -1;
}

KL_API const char *kckpt_strerror(void)
{
	if (kl_reason[0])
		return kl_reason;
	if (!kl_last_errno)
		return "no error";
	return strerror_r(kl_last_errno, kl_errbuf, sizeof(kl_errbuf));
}

/* ------------------------------------------------------------------ */
/* Signal numbers                                                       */
/* ------------------------------------------------------------------ */

static int kl_read_signal(const char *name, int dflt)
{
	char path[64], buf[16];
	ssize_t n;
	long v;
	char *end;
	int fd;

	snprintf(path, sizeof(path), KL_PARAM_DIR "%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return dflt;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return dflt;
	buf[n] = '\0';
	v = strtol(buf, &end, 10);
	if (end == buf || v < 1 || v > 64)
		return dflt;
	return (int)v;
}

KL_API int kckpt_sigckpt(void)
{
	return kl_read_signal("sigckpt", KCKPT_SIGCKPT_DEFAULT);
}

KL_API int kckpt_sigckptexit(void)
{
	return kl_read_signal("sigckptexit", KCKPT_SIGCKPTEXIT_DEFAULT);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                            */
/* ------------------------------------------------------------------ */

/*
 * Two lists, never freed: before-checkpoint callbacks appended at the tail
 * (walked in registration order), after-restore ones pushed at the head
 * (walked in reverse registration order).
 */
struct kl_cb {
	struct kl_cb *next;
	int (*ckpt)(void *);
	void (*rest)(void *);
	void *arg;
};

static pthread_mutex_t kl_cb_lock = PTHREAD_MUTEX_INITIALIZER;
static struct kl_cb *kl_ckpt_head, **kl_ckpt_tail = &kl_ckpt_head;
static struct kl_cb *kl_rest_head;

KL_API int kckpt_atcheckpoint(int (*fn)(void *), void *arg)
{
	struct kl_cb *cb;

	if (!fn)
		return kl_fail(EINVAL, "kckpt_atcheckpoint: no function");
	cb = calloc(1, sizeof(*cb));
	if (!cb)
		return kl_fail(ENOMEM, NULL);
	cb->ckpt = fn;
	cb->arg = arg;
	pthread_mutex_lock(&kl_cb_lock);
	*kl_ckpt_tail = cb;
	kl_ckpt_tail = &cb->next;
	pthread_mutex_unlock(&kl_cb_lock);
	return 0;
}

KL_API int kckpt_atrestore(void (*fn)(void *), void *arg)
{
	struct kl_cb *cb;

	if (!fn)
		return kl_fail(EINVAL, "kckpt_atrestore: no function");
	cb = calloc(1, sizeof(*cb));
	if (!cb)
		return kl_fail(ENOMEM, NULL);
	cb->rest = fn;
	cb->arg = arg;
	pthread_mutex_lock(&kl_cb_lock);
	cb->next = kl_rest_head;
	kl_rest_head = cb;
	pthread_mutex_unlock(&kl_cb_lock);
	return 0;
}

static struct kl_cb *kl_first(struct kl_cb **head)
{
	struct kl_cb *cb;

	pthread_mutex_lock(&kl_cb_lock);
	cb = *head;
	pthread_mutex_unlock(&kl_cb_lock);
	return cb;
}

/* 0, or -1 (ECANCELED) when a callback vetoed. */
static int kl_run_atcheckpoint(void)
{
	struct kl_cb *cb;
	int r;

	for (cb = kl_first(&kl_ckpt_head); cb; cb = cb->next) {
		r = cb->ckpt(cb->arg);
		if (r) {
			char why[KCKPT_REASON_LEN];

			snprintf(why, sizeof(why),
				 "a kckpt_atcheckpoint() callback vetoed the checkpoint (it returned %d)", r);
			return kl_fail(ECANCELED, why);
		}
	}
	return 0;
}

static void kl_run_atrestore(void)
{
	struct kl_cb *cb;

	for (cb = kl_first(&kl_rest_head); cb; cb = cb->next)
		cb->rest(cb->arg);
}

/* ------------------------------------------------------------------ */
/* Checkpoint                                                           */
/* ------------------------------------------------------------------ */

static int kl_open_device(void)
{
	int fd = open(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC);

	if (fd >= 0)
		return fd;
	if (errno == ENOENT || errno == ENXIO || errno == ENODEV)
		return kl_fail(ENOSYS, "the kckpt module is not loaded (there is no " KCKPT_DEVICE_PATH ")");
	return kl_fail(errno, NULL);
}

static void kl_close_keep_errno(int fd)
{
	int e = errno;

	if (fd >= 0)
		close(fd);
	errno = e;
}

/*
 * The checkpoint itself: 0 when the image is written and the process goes
 * on, the resume code when it was restored from it, -1 on failure. The
 * image goes to @image_fd, or with @path to a file the module creates and
 * puts in place. Closes @dev in every case.
 */
static int kl_ioctl(int dev, int image_fd, const char *path, unsigned int flags,
		    unsigned int code)
{
	struct kckpt_checkpoint arg;
	int r;

	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	arg.flags = (flags & CHECKPT_EXIT ? KCKPT_CKPT_KILL : 0) |
		    (flags & CHECKPT_STOP ? KCKPT_CKPT_STOP : 0) |
		    (path ? KCKPT_CKPT_CREATE | KCKPT_CKPT_REPLACE : 0);
	arg.pid = KCKPT_PID_SELF;
	arg.image_fd = path ? -1 : image_fd;
	arg.image_path = (uintptr_t)path;
	arg.proof_fd = -1;
	arg.resume_code = code;
	r = ioctl(dev, KCKPT_IOC_CHECKPOINT, &arg);
	if (r < 0) {
		int e = errno;

		arg.reason[sizeof(arg.reason) - 1] = '\0';
		close(dev);
		return kl_fail(e, arg.reason);
	}
	close(dev);	/* after a restore: the helper's reopened /dev/kckpt */
	return r;
}

static int kl_check_args(unsigned int flags, unsigned int code)
{
	if (flags & ~(CHECKPT_EXIT | CHECKPT_STOP))
		return kl_fail(EINVAL, "unknown checkpt flags");
	if ((flags & CHECKPT_EXIT) && (flags & CHECKPT_STOP))
		return kl_fail(EINVAL, "CHECKPT_EXIT and CHECKPT_STOP exclude each other");
	if (code > INT_MAX)
		return kl_fail(EINVAL, "the resume code must be at most INT_MAX");
	return 0;
}

/*
 * After a restore, the caller's image descriptor is whatever the helper
 * reopened there, or nothing if the kernel left the image out of the saved
 * descriptors: then /dev/null holds the number, so that the caller's
 * close(fd) cannot hit a descriptor an atrestore callback opened.
 */
static void kl_hold_fd(int fd)
{
	int e = errno, n;

	if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF) {
		errno = e;
		return;
	}
	n = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (n >= 0 && n != fd) {
		dup3(n, fd, O_CLOEXEC);
		close(n);
	}
	errno = e;
}

/*
 * The checkpoint with the callbacks around it, to @fd or to @path: what
 * checkpt_fd2() and checkpt() share.
 */
static int kl_checkpoint(int fd, const char *path, unsigned int flags,
			 unsigned int resume_code)
{
	int dev, r;

	if (kl_check_args(flags, resume_code))
		return -1;
	dev = kl_open_device();
	if (dev < 0)
		return -1;
	if (kl_run_atcheckpoint()) {
		kl_close_keep_errno(dev);
		return -1;
	}
	r = kl_ioctl(dev, fd, path, flags, resume_code);
	if (r > 0) {
		if (!path)
			kl_hold_fd(fd);
		kl_run_atrestore();
	}
	return r;
}

KL_API int checkpt_fd2(int fd, unsigned int flags, unsigned int resume_code)
{
	return kl_checkpoint(fd, NULL, flags, resume_code);
}

KL_API int checkpt_fd(int fd, unsigned int flags)
{
	return checkpt_fd2(fd, flags, 0);
}

/*
 * The module creates the image beside @path under a temporary name, syncs
 * it and renames it into place (replacing an earlier image of the caller's
 * own), so a failure leaves nothing behind.
 */
KL_API int checkpt(const char *path)
{
	size_t len;

	if (!path || !*path)
		return kl_fail(EINVAL, "checkpt: no path");
	len = strlen(path);
	if (path[len - 1] == '/')
		return kl_fail(EISDIR, "checkpt: the path names a directory");
	return kl_checkpoint(-1, path, 0, 0);
}
