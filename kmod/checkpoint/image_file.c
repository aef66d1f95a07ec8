// SPDX-License-Identifier: GPL-2.0
/*
 * An image put in place atomically, for every way in (the checkpoint ioctl
 * with a path: checkpt -c and checkpt() in libkckpt; a request's default
 * file: checkpt -s and ^E): created 0600 under a temporary name beside its
 * final one (O_EXCL, never through a symlink) with the credentials of the
 * context that asks for it, written, synced, renamed into place (never
 * over another user's file, over the creator's own only when asked) and
 * its directory synced; removed on any failure. The rename and the removal
 * run with the creator's credentials even in the target's context, and
 * before the target is killed or stopped: an image that is not safely in
 * place never outlives its process, and one that is never goes away.
 */
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "core/compat.h"
#include "dump/dump.h"
#include "checkpoint/image_file.h"

#define KCKPT_TMP_SUFFIX_LEN	16	/* ".%08x.tmp" and NUL, with room */

/* The last component of @path. */
static const char *kckpt_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static struct file *kckpt_create_temp(const char *final)
{
	size_t dir_len = kckpt_basename(final) - final;
	struct file *f;
	char *tmp;

	tmp = kasprintf(GFP_KERNEL, "%.*s.%s.%08x.tmp", (int)dir_len, final,
			kckpt_basename(final), get_random_u32());
	if (!tmp)
		return ERR_PTR(-ENOMEM);
	f = filp_open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		      O_LARGEFILE | O_CLOEXEC, 0600);
	kfree(tmp);
	return f;
}

/* @victim may be replaced: nothing, or a regular file of the creator's. */
static int kckpt_may_replace(struct dentry *victim, struct kckpt_image_file *f,
			     struct kckpt_dump_req *req)
{
	struct inode *inode = d_inode(victim);

	if (!inode)
		return 0;
	if (!f->replace) {
		kckpt_reason(req, "%s exists", f->name);
		return -EEXIST;
	}
	if (!S_ISREG(inode->i_mode) && !S_ISLNK(inode->i_mode)) {
		kckpt_reason(req, "%s exists and is not a regular file", f->name);
		return -EEXIST;
	}
	if (!uid_eq(inode->i_uid, current_fsuid())) {
		kckpt_reason(req, "%s exists and belongs to another user", f->name);
		return -EEXIST;
	}
	return 0;
}

/* Renames the temporary to its final name in the same directory. */
static int kckpt_rename_into_place(struct kckpt_image_file *f,
				   struct kckpt_dump_req *req)
{
	struct dentry *dir = dget_parent(f->file->f_path.dentry);
	struct vfsmount *mnt = f->file->f_path.mnt;
	struct kckpt_rename r;
	int err = mnt_want_write(mnt);

	if (err)
		goto out;
	/* fails with -ENOENT unless the temporary is still where it was made */
	err = kckpt_rename_start(&r, mnt, dir, f->file->f_path.dentry, f->name);
	if (!err) {
		err = kckpt_may_replace(kckpt_rename_target(&r), f, req);
		err = err ?: kckpt_rename_do(&r);
		kckpt_rename_end(&r);
	}
	mnt_drop_write(mnt);
out:
	dput(dir);
	return err;
}

/* The directory holding the image, synced: the rename is on disk. */
static int kckpt_sync_dir(struct kckpt_image_file *f)
{
	struct path dir = {
		.mnt = f->file->f_path.mnt,
		.dentry = dget_parent(f->file->f_path.dentry),
	};
	struct file *d = dentry_open(&dir, O_RDONLY | O_DIRECTORY, f->cred);
	int err = PTR_ERR_OR_ZERO(d);

	dput(dir.dentry);
	if (err)
		return err;
	err = vfs_fsync(d, 0);
	fput(d);
	return err;
}

/* A temporary that did not make it goes: nothing half-written stays. */
static void kckpt_remove_temp(struct file *file)
{
	/*
	 * Our own reference, as an unlink's lookup would hold: with only the
	 * open file's, d_delete() would turn the file's dentry negative.
	 */
	struct dentry *dentry = dget(file->f_path.dentry);
	struct dentry *dir = dget_parent(dentry);
	struct vfsmount *mnt = file->f_path.mnt;

	if (!mnt_want_write(mnt)) {
		inode_lock_nested(d_inode(dir), I_MUTEX_PARENT);
		if (dentry->d_parent == dir && !d_unhashed(dentry))
			kckpt_vfs_unlink(mnt, d_inode(dir), dentry);
		inode_unlock(d_inode(dir));
		mnt_drop_write(mnt);
	}
	dput(dir);
	dput(dentry);
}

/*
 * kckpt_image_file_create - the temporary beside @path, in the current
 * context (its cwd, its credentials), becomes @req's image
 */
int kckpt_image_file_create(struct kckpt_dump_req *req, const char *path,
			    bool replace)
{
	struct kckpt_image_file *f;
	size_t len = strlen(path);

	if (!len || path[len - 1] == '/' || !strcmp(kckpt_basename(path), ".") ||
	    !strcmp(kckpt_basename(path), "..")) {
		kckpt_reason(req, "the image path \"%s\" does not name a file", path);
		return -EINVAL;
	}
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->name = kstrdup(kckpt_basename(path), GFP_KERNEL);
	f->replace = replace;
	f->file = f->name ? kckpt_create_temp(path) : ERR_PTR(-ENOMEM);
	if (IS_ERR(f->file)) {
		int err = PTR_ERR(f->file);

		kckpt_reason(req, "cannot create an image beside %s (error %d)",
			     path, err);
		f->file = NULL;
		kckpt_image_file_free(f);
		return err;
	}
	f->cred = get_current_cred();
	req->place = f;
	req->image = get_file(f->file);
	return 0;
}

/*
 * kckpt_image_file_commit - @req's image, completely written, synced and
 * renamed into place, its directory synced; in any context, with the
 * creator's credentials. @req->path gets where it is.
 */
int kckpt_image_file_commit(struct kckpt_dump_req *req)
{
	struct kckpt_image_file *f = req->place;
	const struct cred *old = override_creds(f->cred);
	char *buf, *where;
	int err;

	err = vfs_fsync(f->file, 0);
	err = err ?: kckpt_rename_into_place(f, req);
	if (!err) {
		f->committed = true;
		err = kckpt_sync_dir(f);
	}
	revert_creds(old);
	if (err && !f->committed) {
		kckpt_reason(req, "cannot put the image in place as %s (error %d)",
			     f->name, err);
		return err;
	}
	if (err)	/* in place, but the directory may not be on disk */
		kckpt_reason(req, "the image is at %s, but syncing its directory failed (error %d)",
			     f->name, err);
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	where = buf ? d_path(&f->file->f_path, buf, PATH_MAX) : ERR_PTR(-ENOMEM);
	if (!IS_ERR(where))
		strscpy(req->path, where, sizeof(req->path));
	kfree(buf);
	return err;
}

/* Frees @f; a temporary that was never committed is removed first. */
void kckpt_image_file_free(struct kckpt_image_file *f)
{
	const struct cred *old;

	if (!f)
		return;
	if (f->file && !f->committed) {
		old = override_creds(f->cred);
		kckpt_remove_temp(f->file);
		revert_creds(old);
	}
	if (f->file)
		fput(f->file);
	if (f->cred)
		put_cred(f->cred);
	kfree(f->name);
	kfree(f);
}
