// SPDX-License-Identifier: GPL-2.0
/*
 * Confinement the process is under, seen from its own context. A restore
 * must never give a process back less confined than it was: what the
 * restorer can put back is recorded in the image (no_new_privs, in struct
 * kckpt_proc), what it cannot is refused here, before a byte is written,
 * with a reason naming it:
 *  - seccomp, strict mode or filters: a module cannot read a filter
 *    program through exported symbols, so it could not be re-installed;
 *  - a chroot: the task's root is not the root of its mount namespace.
 * Landlock cannot be seen from a module at all (README, Limits).
 */
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/path.h>
#include <linux/sched.h>
#include <linux/seccomp.h>

#include "dump/dump.h"

static int kckpt_refuse_seccomp(struct kckpt_dump_req *req)
{
#ifdef CONFIG_SECCOMP
	switch (READ_ONCE(current->seccomp.mode)) {
	case SECCOMP_MODE_DISABLED:
		return 0;
	case SECCOMP_MODE_STRICT:
		kckpt_reason(req, "the target is in strict seccomp mode, which a restore could not re-apply");
		return -EOPNOTSUPP;
	default:
		kckpt_reason(req, "the target is under a seccomp filter, which a restore could not re-apply");
		return -EOPNOTSUPP;
	}
#else
	return 0;
#endif
}

/*
 * Is @p (a referenced copy, moved along) the root of its mount namespace?
 * current_chrooted() answers that by comparing with the namespace's root,
 * but neither it nor the namespace is reachable from a module. Instead:
 * nothing may be mounted over @p, and climbing from it, each step must be
 * a mount's root mounted on its parent mount's root (the real root sits on
 * the initramfs's rootfs) up to a mount without a parent that was not
 * unmounted (umount -l). A root in a tree of its own (an open_tree()
 * clone) or in another namespace's tree passes: see README, Limits.
 */
static bool kckpt_is_namespace_root(struct path *p)
{
	if (follow_down_one(p))
		return false;		/* something is mounted over it */
	for (;;) {
		if (p->dentry != p->mnt->mnt_root)
			return false;	/* a directory inside a mount */
		if (!follow_up(p))
			return !(READ_ONCE(p->mnt->mnt_flags) & MNT_UMOUNT);
	}
}

static int kckpt_refuse_chroot(struct kckpt_dump_req *req)
{
	struct path root;
	bool ns_root;

	get_fs_root(current->fs, &root);
	ns_root = kckpt_is_namespace_root(&root);
	path_put(&root);
	if (ns_root)
		return 0;
	kckpt_reason(req, "the target is in a chroot (its root is not its mount namespace's), which a restore could not re-apply");
	return -EOPNOTSUPP;
}

/* KCKPT_CONFINE_*: what the restorer must put back (struct kckpt_proc). */
u32 kckpt_confinement(void)
{
	return task_no_new_privs(current) ? KCKPT_CONFINE_NO_NEW_PRIVS : 0;
}

int kckpt_refuse_confinement(struct kckpt_dump_req *req)
{
	return kckpt_refuse_seccomp(req) ?: kckpt_refuse_chroot(req);
}
