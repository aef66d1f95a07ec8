// SPDX-License-Identifier: GPL-2.0
/*
 * The module's own workqueue, for the second CPU's share of a checkpoint's
 * crc32c and of a restore's page fill: their work is as long as an image
 * is large, and may wait on the image's storage, so it stays off the
 * kernel's shared queues. Unbound: the work goes to another CPU.
 */
#include <linux/workqueue.h>

#include "core/kckpt.h"

struct workqueue_struct *kckpt_wq;

int kckpt_wq_init(void)
{
	kckpt_wq = alloc_workqueue("kckpt", WQ_UNBOUND, 0);
	return kckpt_wq ? 0 : -ENOMEM;
}

void kckpt_wq_exit(void)
{
	destroy_workqueue(kckpt_wq);
}
