// SPDX-License-Identifier: GPL-2.0
/*
 * A request's image in the default file, written in the target's own
 * context with its credentials (like a core dump): the template expanded,
 * created 0600 under a temporary name beside it (O_EXCL, never through a
 * symlink), renamed into place when complete (never over another user's
 * file), unlinked on failure. A process running as root writes only into
 * a directory that root owns.
 */
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "core/compat.h"
#include "dump/dump.h"
#include "core/kckpt.h"
#include "checkpoint/checkpoint.h"

#define KCKPT_TMP_SUFFIX_LEN	16	/* ".%08x.tmp" and NUL, with room */

/* Appends @s to @out (size @size, used @*len); false when it does not fit. */
static bool kckpt_append(char *out, size_t size, size_t *len, const char *s)
{
	size_t n = strlen(s);

	if (*len + n >= size)
		return false;
	memcpy(out + *len, s, n + 1);
	*len += n;
	return true;
}

/* The process name, with '/' (which would make it a path) replaced. */
static void kckpt_safe_comm(char (*comm)[TASK_COMM_LEN])
{
	get_task_comm(*comm, current);
	strreplace(*comm, '/', '_');
	if (!(*comm)[0])
		strscpy(*comm, "process", TASK_COMM_LEN);
}

/* %N name, %P pid, %U uid, %% '%'; anything else is kept as it is. */
static int kckpt_expand_template(const char *t, char *out, size_t size)
{
	char comm[TASK_COMM_LEN], num[16], lit[3];
	size_t len = 0;
	bool ok = true;

	out[0] = '\0';
	for (; *t && ok; t++) {
		const char *s = lit;

		lit[0] = *t;
		lit[1] = lit[2] = '\0';
		if (*t == '%' && t[1]) {
			t++;
			if (*t == 'N') {
				kckpt_safe_comm(&comm);
				s = comm;
			} else if (*t == 'P') {
				snprintf(num, sizeof(num), "%d", task_tgid_vnr(current));
				s = num;
			} else if (*t == 'U') {
				snprintf(num, sizeof(num), "%u",
					 from_kuid_munged(current_user_ns(), current_uid()));
				s = num;
			} else if (*t != '%') {
				lit[1] = *t;
			}
		}
		ok = kckpt_append(out, size, &len, s);
	}
	return ok && len ? 0 : -ENAMETOOLONG;
}

/* The last component of @path. */
static const char *kckpt_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static struct file *kckpt_create_temp(const char *final, char *tmp, size_t size)
{
	size_t dir_len = kckpt_basename(final) - final;

	if (strlen(final) + KCKPT_TMP_SUFFIX_LEN + 1 > size)
		return ERR_PTR(-ENAMETOOLONG);
	snprintf(tmp, size, "%.*s.%s.%08x.tmp", (int)dir_len, final,
		 kckpt_basename(final), get_random_u32());
	return filp_open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
			 O_LARGEFILE | O_CLOEXEC, 0600);
}

/* @victim may be replaced: a regular file of the caller's, or nothing. */
static int kckpt_may_replace(struct dentry *victim, struct kckpt_dump_req *req)
{
	struct inode *inode = d_inode(victim);

	if (!inode)
		return 0;
	if (!S_ISREG(inode->i_mode) && !S_ISLNK(inode->i_mode)) {
		kckpt_reason(req, "%s exists and is not a regular file", req->path);
		return -EEXIST;
	}
	if (!uid_eq(inode->i_uid, current_fsuid())) {
		kckpt_reason(req, "%s exists and belongs to another user", req->path);
		return -EEXIST;
	}
	return 0;
}

/* Renames the image @f (a temporary) to @name in the same directory. */
static int kckpt_rename_into_place(struct file *f, const char *name,
				   struct kckpt_dump_req *req)
{
	struct dentry *dir = dget_parent(f->f_path.dentry), *victim;
	struct vfsmount *mnt = f->f_path.mnt;
	int err = mnt_want_write(mnt);

	if (err)
		goto out;
	lock_rename(dir, dir);
	victim = lookup_one_len(name, dir, strlen(name));
	err = PTR_ERR_OR_ZERO(victim);
	if (!err) {
		/* the temporary must still be where it was created */
		err = f->f_path.dentry->d_parent != dir ? -ENOENT : 0;
		err = err ?: kckpt_may_replace(victim, req);
		err = err ?: kckpt_vfs_rename(mnt, d_inode(dir), f->f_path.dentry,
					      victim);
		dput(victim);
	}
	unlock_rename(dir, dir);
	mnt_drop_write(mnt);
out:
	dput(dir);
	return err;
}

/* A failed image goes: nothing half-written stays behind. */
static void kckpt_remove_image(struct file *f)
{
	/*
	 * Our own reference, as an unlink's lookup would hold: with only the
	 * open file's, d_delete() would turn the file's dentry negative.
	 */
	struct dentry *dentry = dget(f->f_path.dentry);
	struct dentry *dir = dget_parent(dentry);
	struct vfsmount *mnt = f->f_path.mnt;

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
 * Root's image goes only into a directory that root owns: the owner of any
 * other directory could swap it for an image of their own making, which
 * root would restore later as its own. @f is the temporary, still empty:
 * its parent is the directory it really is in, whatever its path said.
 */
static int kckpt_check_image_dir(struct file *f, struct kckpt_dump_req *req)
{
	struct dentry *dir = dget_parent(f->f_path.dentry);
	kuid_t owner = d_inode(dir)->i_uid;
	kuid_t root = make_kuid(current_user_ns(), 0);
	int err = 0;

	if (uid_eq(current_euid(), root) && !uid_eq(owner, root)) {
		kckpt_reason(req, "root's image is not written where uid %u owns the directory (%s)",
			     from_kuid_munged(current_user_ns(), owner), req->path);
		err = -EPERM;
	}
	dput(dir);
	return err;
}

static int kckpt_write_default_file(struct kckpt_dump_req *req, char *tmp)
{
	struct file *f = kckpt_create_temp(req->path, tmp, PATH_MAX);
	char *where;
	int err;

	if (IS_ERR(f)) {
		kckpt_reason(req, "cannot create an image beside %s (error %ld)",
			     req->path, PTR_ERR(f));
		return PTR_ERR(f);
	}
	req->image = f;
	err = kckpt_check_image_dir(f, req);
	if (err) {
		kckpt_remove_image(f);
		return err;
	}
	err = kckpt_dump_current(req);
	if (!err)
		err = kckpt_rename_into_place(f, kckpt_basename(req->path), req);
	if (err) {
		kckpt_reason(req, "cannot put the image at %s (error %d)",
			     req->path, err);
		kckpt_remove_image(f);
		return err;
	}
	/* the image's absolute path, for the requester */
	where = d_path(&f->f_path, tmp, PATH_MAX);
	if (!IS_ERR(where))
		strscpy(req->path, where, sizeof(req->path));
	req->action = KCKPT_ACT_CHECKPOINTED;
	return 0;
}

int kckpt_checkpoint_to_default_file(struct kckpt_dump_req *req,
				     const char *template)
{
	char *tmp;
	int err = kckpt_expand_template(template, req->path, sizeof(req->path));

	if (err) {
		kckpt_reason(req, "the default image name \"%s\" expands to nothing or too long a path",
			     template);
		return err;
	}
	tmp = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	err = kckpt_write_default_file(req, tmp);
	kfree(tmp);
	if (!err)
		kckpt_after_dump(req->flags);
	return err;
}
