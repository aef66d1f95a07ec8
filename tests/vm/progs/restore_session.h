/* SPDX-License-Identifier: GPL-2.0 */
/* What the restore-session test programs ask of /dev/kckpt. */
#ifndef KCKPT_TEST_RESTORE_SESSION_H
#define KCKPT_TEST_RESTORE_SESSION_H

#include <errno.h>
#include <sys/ioctl.h>

#include <uapi/kckpt.h>

/* RESTORE_NOTE of the image header on @dev: 0, or the errno. */
static inline int session_note_errno(int dev)
{
	char buf[64];
	struct kckpt_restore_note n = {
		.size = sizeof(n), .type = KCKPT_NT_IMAGE,
		.len = sizeof(buf), .buf = (unsigned long)buf,
	};

	return ioctl(dev, KCKPT_IOC_RESTORE_NOTE, &n) ? errno : 0;
}

#endif
