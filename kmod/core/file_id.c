// SPDX-License-Identifier: GPL-2.0
/* A file's identity: see file_id.h. */
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/stat.h>

#include "core/file_id.h"

int kckpt_file_id(const struct path *path, struct kckpt_file_id *id)
{
	struct kstat st;
	int err;

	err = vfs_getattr(path, &st, STATX_BASIC_STATS, AT_STATX_SYNC_AS_STAT);
	if (err)
		return err;
	id->dev = new_encode_dev(st.dev);
	id->ino = st.ino;
	id->size = st.size;
	id->mtime_sec = st.mtime.tv_sec;
	id->mtime_nsec = st.mtime.tv_nsec;
	id->rdev = new_encode_dev(st.rdev);
	id->regular = S_ISREG(st.mode);
	return 0;
}

/* The same regular file, unchanged: device, inode, size and mtime agree. */
bool kckpt_file_id_same(const struct kckpt_file_id *a,
			const struct kckpt_file_id *b)
{
	return a->regular && b->regular && a->dev == b->dev &&
	       a->ino == b->ino && a->size == b->size &&
	       a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec;
}
