/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kckpt.h - THE interface of KCkpt: ioctl numbers, structures and flags of
 * /dev/kckpt. Every other part (libkckpt, kckpt-restore, the C# library)
 * follows this file; the C# mirror is managed/KCkpt/Interop/Uapi.cs and a
 * host test checks that its sizes and offsets agree with this header.
 *
 * Rules: every structure starts with its own size and carries flags; the
 * kernel accepts a larger structure whose unknown tail is zero, rejects
 * unknown flags with EINVAL, and only ever appends fields.
 */
#ifndef _UAPI_LINUX_KCKPT_H
#define _UAPI_LINUX_KCKPT_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define KCKPT_DEVICE_NAME	"kckpt"
#define KCKPT_DEVICE_PATH	"/dev/kckpt"

/* Bumped on any incompatible change of this header. */
#define KCKPT_ABI_VERSION	1

#define KCKPT_VERSION_STRLEN	32
#define KCKPT_RELEASE_STRLEN	65	/* __NEW_UTS_LEN + 1 */

/* Feature bits reported by KCKPT_IOC_VERSION: what this module can do. */
#define KCKPT_FEAT_CHECKPOINT	(1ULL << 0)	/* KCKPT_IOC_CHECKPOINT */
#define KCKPT_FEAT_RESTORE	(1ULL << 1)	/* KCKPT_IOC_RESTORE_* */
#define KCKPT_FEAT_REQUEST	(1ULL << 2)	/* KCKPT_IOC_REQUEST */
#define KCKPT_FEAT_TTY_HOOK	(1ULL << 3)	/* kckpt_tty.ko can attach */

/**
 * struct kckpt_version - answer of KCKPT_IOC_VERSION
 * @size:		in: sizeof(struct kckpt_version) as the caller knows it
 * @flags:		in: must be 0
 * @abi_version:	out: KCKPT_ABI_VERSION of the running module
 * @reserved:		must be 0
 * @features:		out: KCKPT_FEAT_* bits
 * @module_version:	out: NUL-terminated module version string
 * @kernel_release:	out: NUL-terminated release of the running kernel
 * @pad:		must be 0
 */
struct kckpt_version {
	__u32 size;
	__u32 flags;
	__u32 abi_version;
	__u32 reserved;
	__u64 features;
	char module_version[KCKPT_VERSION_STRLEN];
	char kernel_release[KCKPT_RELEASE_STRLEN];
	__u8 pad[7];
};

#define KCKPT_IOC_MAGIC		0xCE

#define KCKPT_IOC_VERSION	_IOWR(KCKPT_IOC_MAGIC, 0x00, struct kckpt_version)

#endif /* _UAPI_LINUX_KCKPT_H */
