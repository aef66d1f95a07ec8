/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KCKPT_IMAGE_FILE_H
#define _KCKPT_IMAGE_FILE_H

#include <linux/types.h>

struct cred;
struct file;
struct kckpt_dump_req;

/* An image being written under a temporary name, until it is committed. */
struct kckpt_image_file {
	struct file *file;		/* the temporary, open for writing */
	const struct cred *cred;	/* its creator's: names and removes it */
	char *name;			/* the final name, beside the temporary */
	bool replace;			/* may replace the creator's own file */
	bool committed;
};

int kckpt_image_file_create(struct kckpt_dump_req *req, const char *path,
			    bool replace);
int kckpt_image_file_commit(struct kckpt_dump_req *req);
void kckpt_image_file_free(struct kckpt_image_file *f);

#endif /* _KCKPT_IMAGE_FILE_H */
