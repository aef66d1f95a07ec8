// SPDX-License-Identifier: GPL-2.0
/* KCKPT_IOC_VERSION: ABI version, module version and features. */
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

#include "core/kckpt.h"
#include "checkpoint/checkpoint.h"
#include "ioctl.h"

static bool kckpt_version_in_is_clean(const struct kckpt_version *v)
{
	return v->flags == 0 && v->reserved == 0 &&
	       !memchr_inv(v->pad, 0, sizeof(v->pad));
}

long kckpt_ioc_version(struct file *dev, const struct kckpt_uarg *ua)
{
	struct kckpt_version v;
	int err;

	err = kckpt_copy_struct_in(&v, sizeof(v), ua);
	if (err)
		return err;
	if (!kckpt_version_in_is_clean(&v) || v.sigckpt || v.sigckptexit)
		return -EINVAL;

	memset(&v, 0, sizeof(v));
	v.size = sizeof(v);
	v.abi_version = KCKPT_ABI_VERSION;
	v.features = KCKPT_FEATURES_IMPLEMENTED;
	strscpy(v.module_version, KCKPT_MODULE_VERSION,
		sizeof(v.module_version));
	strscpy(v.kernel_release, utsname()->release, sizeof(v.kernel_release));
	kckpt_request_signals(&v.sigckpt, &v.sigckptexit);
	return kckpt_copy_struct_out(ua, &v, sizeof(v));
}
