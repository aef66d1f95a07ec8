/* SPDX-License-Identifier: GPL-2.0 */
/* Internal declarations shared by the files of kckpt.ko. */
#ifndef _KCKPT_INTERNAL_H
#define _KCKPT_INTERNAL_H

#include <linux/types.h>
#include <uapi/kckpt.h>

/* Feature bits this build of the module really implements. */
#define KCKPT_FEATURES_IMPLEMENTED	0ULL

long kckpt_ioc_version(void __user *uarg);

int kckpt_copy_struct_in(void *dst, size_t ksize, const void __user *src);

#endif /* _KCKPT_INTERNAL_H */
