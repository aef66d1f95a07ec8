/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A file's identity as an image records it (device, inode, size, mtime):
 * written by the dump for mapped and open files, compared by the restore
 * before it maps or reopens one.
 */
#ifndef _KCKPT_FILE_ID_H
#define _KCKPT_FILE_ID_H

#include <linux/types.h>

struct path;

struct kckpt_file_id {
	u64 dev;		/* new_encode_dev(), as stat(2) gives it */
	u64 ino;
	u64 size;
	s64 mtime_sec;
	u32 mtime_nsec;
	u32 rdev;
	bool regular;
};

int kckpt_file_id(const struct path *path, struct kckpt_file_id *id);
bool kckpt_file_id_same(const struct kckpt_file_id *a,
			const struct kckpt_file_id *b);

#endif /* _KCKPT_FILE_ID_H */
