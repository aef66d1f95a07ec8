/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KCKPT_IOCTL_H
#define _KCKPT_IOCTL_H

struct file;
struct kckpt_uarg;

long kckpt_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

/* ioc_version.c */
long kckpt_ioc_version(struct file *dev, const struct kckpt_uarg *ua);

#endif /* _KCKPT_IOCTL_H */
