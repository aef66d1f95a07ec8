// SPDX-License-Identifier: GPL-2.0
/*
 * A request's image in the default file, written in the target's own
 * context with its credentials (like a core dump): the template expanded
 * here, the file put in place as every image is (image_file.c), replacing
 * the target's own earlier image of that name. A process running as root
 * writes only into a directory that root owns.
 */
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "dump/dump.h"
#include "core/kckpt.h"
#include "checkpoint/checkpoint.h"
#include "checkpoint/image_file.h"

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

int kckpt_checkpoint_to_default_file(struct kckpt_dump_req *req,
				     const char *template)
{
	int err = kckpt_expand_template(template, req->path, sizeof(req->path));

	if (err) {
		kckpt_reason(req, "the default image name \"%s\" expands to nothing or too long a path",
			     template);
		return err;
	}
	err = kckpt_image_file_create(req, req->path, true);
	err = err ?: kckpt_check_image_dir(req->image, req);
	err = err ?: kckpt_checkpoint_here(req);
	if (!err)
		req->action = KCKPT_ACT_CHECKPOINTED;
	return err;
}
