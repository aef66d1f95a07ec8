// SPDX-License-Identifier: GPL-2.0
/*
 * What an image must satisfy before this machine restores it: written by
 * this very kernel build, of a process of the restoring user (whose every
 * uid and gid is the image's owner's, capabilities or not), in a file of
 * the restorer's or the owner's, and
 * internally consistent: every structure has its size, every address is a
 * user address, every segment lies in the file and in a VMA that holds
 * pages, VMAs are sorted and disjoint, paths are terminated.
 */
#include <linux/cred.h>
#include <linux/crc32.h>
#include <linux/elf.h>
#include <linux/elfcore.h>
#include <linux/futex.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched/coredump.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

#include "arch/arch.h"
#include "core/compat.h"
#include "core/crc.h"
#include "core/kckpt.h"
#include "restore/restore.h"

#define KCKPT_MAX_VMAS		65530
#define KCKPT_MAX_FD		(1 << 20)

/*
 * The fixed part of a note: exactly one of @type, at least @min bytes (an
 * older writer's structure), copied into the @size bytes of @dst and
 * zero-extended.
 */
static int kckpt_copy_note(struct kckpt_session *s, u32 type, void *dst,
			   size_t size, size_t min, const char *what)
{
	const struct kckpt_note_ref *r = kckpt_find_note(s, type, true, 0);
	size_t len;

	if (!r || kckpt_find_note(s, type, true, 1))
		return kckpt_session_refuse(s, "the image needs exactly one %s note", what);
	if (r->len < min)
		return kckpt_session_refuse(s, "the %s note is too short", what);
	len = min_t(size_t, r->len, size);
	memcpy(dst, s->notes + r->off, len);
	memset(dst + len, 0, size - len);
	return 0;
}

static bool kckpt_user_range(u64 start, u64 end)
{
	return start <= end && end <= TASK_SIZE_MAX;
}

static int kckpt_check_build(struct kckpt_session *s)
{
	struct kckpt_image_hdr *h = &s->hdr;

	if (h->format_version != KCKPT_FORMAT_VERSION)
		return kckpt_session_refuse(s, "image format %u, this module reads %u",
					    h->format_version, KCKPT_FORMAT_VERSION);
	if (h->page_size != PAGE_SIZE || h->nr_threads != 1)
		return kckpt_session_refuse(s, "the image has %u threads or %u-byte pages",
					    h->nr_threads, h->page_size);
	h->kernel_release[sizeof(h->kernel_release) - 1] = '\0';
	h->kernel_version[sizeof(h->kernel_version) - 1] = '\0';
	if (strcmp(h->kernel_release, utsname()->release) ||
	    strcmp(h->kernel_version, utsname()->version))
		return kckpt_session_refuse(s, "the image was written by kernel %s, this is %s",
					    h->kernel_release, utsname()->release);
	return 0;
}

/*
 * Which of the restorer's ids is not the image owner's, or NULL: real,
 * effective, saved and fs uid and gid must all be the owner's (a saved
 * uid of root would let the restored code become root again).
 */
static const char *kckpt_foreign_id(const struct cred *c, kuid_t uid,
				    kgid_t gid, u32 *id)
{
	const struct { const char *name; kuid_t u; } uids[] = {
		{ "uid", c->uid }, { "euid", c->euid },
		{ "saved uid", c->suid }, { "fsuid", c->fsuid },
	};
	const struct { const char *name; kgid_t g; } gids[] = {
		{ "gid", c->gid }, { "egid", c->egid },
		{ "saved gid", c->sgid }, { "fsgid", c->fsgid },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(uids); i++) {
		*id = from_kuid_munged(&init_user_ns, uids[i].u);
		if (!uid_eq(uids[i].u, uid))
			return uids[i].name;
	}
	for (i = 0; i < ARRAY_SIZE(gids); i++) {
		*id = from_kgid_munged(&init_user_ns, gids[i].g);
		if (!gid_eq(gids[i].g, gid))
			return gids[i].name;
	}
	return NULL;
}

/*
 * The restored process runs with the restorer's credentials, so those must
 * be the image owner's own, whatever capabilities the restorer holds: root
 * restores another user's image only after switching to that user
 * (checkpt -r --as-owner). A set-id or non-dumpable process is never
 * restored.
 */
int kckpt_check_owner(struct kckpt_session *s)
{
	const struct kckpt_image_hdr *h = &s->hdr;
	kuid_t uid = make_kuid(&init_user_ns, h->uid);
	kgid_t gid = make_kgid(&init_user_ns, h->gid);
	const char *which;
	u32 id;

	if (h->euid != h->uid || h->egid != h->gid)
		return kckpt_session_refuse(s, "the image's process ran set-id (uid %u euid %u, gid %u egid %u)",
					    h->uid, h->euid, h->gid, h->egid);
	if (!uid_valid(uid) || !gid_valid(gid))
		return kckpt_session_refuse(s, "the image's owner uid %u gid %u does not exist here",
					    h->uid, h->gid);
	which = kckpt_foreign_id(current_cred(), uid, gid, &id);
	if (which)
		return kckpt_session_refuse(s, "the image belongs to uid %u gid %u, not to your %s %u",
					    h->uid, h->gid, which, id);
	if (s->proc.dumpable != KCKPT_DUMPABLE_USER)
		return kckpt_session_refuse(s, "the image is of a non-dumpable (setuid?) process");
	return 0;
}

/*
 * The image file must be the restorer's or the image owner's: a file that
 * a third user could have written may hold any uid in its header.
 */
static int kckpt_check_image_file(struct kckpt_session *s)
{
	kuid_t owner = file_inode(s->image)->i_uid;

	if (uid_eq(owner, current_uid()) ||
	    uid_eq(owner, make_kuid(&init_user_ns, s->hdr.uid)))
		return 0;
	return kckpt_session_refuse(s, "the image file belongs to uid %u, neither to you nor to the image's owner",
				    from_kuid_munged(&init_user_ns, owner));
}

static int kckpt_check_regs(struct kckpt_session *s)
{
	const struct kckpt_note_ref *r = kckpt_find_note(s, NT_PRSTATUS, false, 0);
	size_t off = offsetof(struct elf_prstatus, pr_reg);

	if (!r || kckpt_find_note(s, NT_PRSTATUS, false, 1) ||
	    r->len < off + sizeof(s->regs))
		return kckpt_session_refuse(s, "the image needs exactly one NT_PRSTATUS");
	memcpy(&s->regs, s->notes + r->off + off, sizeof(s->regs));
	if (!kckpt_arch_regs_in_user(&s->regs))
		return kckpt_session_refuse(s, "the saved ip or sp is not a user address");
	return 0;
}

static int kckpt_check_thread(struct kckpt_session *s)
{
	struct kckpt_thread *t = &s->thread;

	if (t->rseq && (!IS_ALIGNED(t->rseq, 32) || t->rseq_len < 32 ||
			!kckpt_user_range(t->rseq, t->rseq + t->rseq_len)))
		return kckpt_session_refuse(s, "bad rseq area");
	if (t->robust_list && t->robust_list_len != sizeof(struct robust_list_head))
		return kckpt_session_refuse(s, "bad robust list");
	if (!kckpt_user_range(t->robust_list, t->robust_list) ||
	    !kckpt_user_range(t->set_child_tid, t->set_child_tid) ||
	    !kckpt_user_range(t->clear_child_tid, t->clear_child_tid))
		return kckpt_session_refuse(s, "a thread address is not a user address");
	return 0;
}

/*
 * The auxv as prctl(PR_SET_MM_MAP) takes it: shorter than mm->saved_auxv
 * and ending in AT_NULL, so that the array stays terminated (readers of
 * /proc/PID/auxv, core dumps and the next checkpoint stop at AT_NULL).
 */
static int kckpt_check_auxv(struct kckpt_session *s)
{
	const struct kckpt_note_ref *r = kckpt_find_note(s, NT_AUXV, false, 0);
	u64 len = s->proc.auxv_len, last;

	if (!r || kckpt_find_note(s, NT_AUXV, false, 1) || r->len != len)
		return kckpt_session_refuse(s, "the image needs exactly one NT_AUXV, of auxv_len bytes");
	if (len < 2 * sizeof(u64) || len % (2 * sizeof(u64)) ||
	    len >= sizeof(current->mm->saved_auxv))
		return kckpt_session_refuse(s, "bad auxiliary vector: %llu bytes cannot end in AT_NULL within this kernel's %zu",
					    len, sizeof(current->mm->saved_auxv));
	memcpy(&last, s->notes + r->off + len - 2 * sizeof(u64), sizeof(last));
	if (last != AT_NULL)
		return kckpt_session_refuse(s, "bad auxiliary vector: it does not end in AT_NULL");
	s->auxv = s->notes + r->off;
	return 0;
}

static int kckpt_check_proc(struct kckpt_session *s)
{
	const struct kckpt_proc *p = &s->proc;
	int err = kckpt_check_auxv(s);

	if (err)
		return err;
	if (!kckpt_user_range(p->start_code, p->end_code) ||
	    !kckpt_user_range(p->start_data, p->end_data) ||
	    !kckpt_user_range(p->start_brk, p->brk) ||
	    !kckpt_user_range(p->arg_start, p->arg_end) ||
	    !kckpt_user_range(p->env_start, p->env_end) ||
	    !kckpt_user_range(p->start_stack, p->start_stack))
		return kckpt_session_refuse(s, "a saved mm field is not a user range");
	return 0;
}

/* A path inside a descriptor: absolute and NUL-terminated, or absent. */
static const char *kckpt_note_path(const u8 *p, u32 len)
{
	if (!len)
		return NULL;
	if (len < 2 || p[0] != '/' || p[len - 1] || strnlen(p, len) != len - 1)
		return ERR_PTR(-EINVAL);
	return (const char *)p;
}

static int kckpt_check_vma(struct kckpt_session *s, const struct kckpt_note_ref *r,
			   struct kckpt_vma_ref *ref, u64 prev_end)
{
	struct kckpt_vma *v = &ref->v;
	const u8 *d = s->notes + r->off;
	u64 pages;

	if (r->len < sizeof(*v))
		return kckpt_session_refuse(s, "a VMA note is too short");
	memcpy(v, d, sizeof(*v));
	pages = (v->end - v->start) >> PAGE_SHIFT;
	if (v->hdr_size < sizeof(*v) || v->hdr_size > r->len ||
	    (u64)v->path_len + v->bitmap_len > r->len - v->hdr_size)
		return kckpt_session_refuse(s, "a VMA note lies about its size");
	if (v->start >= v->end || !PAGE_ALIGNED(v->start) ||
	    !PAGE_ALIGNED(v->end) || !PAGE_ALIGNED(v->pgoff) ||
	    v->end > TASK_SIZE_MAX || v->start < prev_end)
		return kckpt_session_refuse(s, "VMA %llx-%llx is not a sorted, page-aligned user range",
					    v->start, v->end);
	if (!v->kind || v->kind > KCKPT_VMA_VVAR || v->prot & ~7U)
		return kckpt_session_refuse(s, "VMA %llx has an unknown kind", v->start);
	if (v->bitmap_len && v->bitmap_len != DIV_ROUND_UP(pages, 8))
		return kckpt_session_refuse(s, "VMA %llx has a bad bitmap", v->start);
	ref->path = kckpt_note_path(d + v->hdr_size, v->path_len);
	if (IS_ERR(ref->path) ||
	    (!ref->path && (v->kind == KCKPT_VMA_FILE_PRIVATE ||
			    v->kind == KCKPT_VMA_FILE_SHARED)))
		return kckpt_session_refuse(s, "VMA %llx has a bad path", v->start);
	return 0;
}

static int kckpt_check_vmas(struct kckpt_session *s)
{
	u64 prev_end = 0;
	int i, n = 0, err;

	for (i = 0; i < s->nr_refs; i++)
		n += s->refs[i].kckpt && s->refs[i].type == KCKPT_NT_VMA;
	if (!n || n > KCKPT_MAX_VMAS)
		return kckpt_session_refuse(s, "the image has %d VMAs", n);
	s->vmas = kvcalloc(n, sizeof(*s->vmas), KCKPT_GFP_SIZED);
	if (!s->vmas)
		return -ENOMEM;
	for (i = 0; i < s->nr_refs; i++) {
		struct kckpt_vma_ref *ref = &s->vmas[s->nr_vmas];

		if (!s->refs[i].kckpt || s->refs[i].type != KCKPT_NT_VMA)
			continue;
		err = kckpt_check_vma(s, &s->refs[i], ref, prev_end);
		if (err)
			return err;
		prev_end = ref->v.end;
		s->nr_vmas++;
	}
	return 0;
}

/* The VMA holding [start, end), searching forward from *cursor. */
static const struct kckpt_vma *kckpt_vma_of(struct kckpt_session *s, int *cursor,
					    u64 start, u64 end)
{
	while (*cursor < s->nr_vmas && s->vmas[*cursor].v.end <= start)
		(*cursor)++;
	if (*cursor < s->nr_vmas && s->vmas[*cursor].v.start <= start &&
	    end <= s->vmas[*cursor].v.end)
		return &s->vmas[*cursor].v;
	return NULL;
}

static int kckpt_check_segments(struct kckpt_session *s)
{
	const struct kckpt_note_ref *r = kckpt_find_note(s, KCKPT_NT_SEGMENTS, true, 0);
	u64 prev_end = 0;
	int i, cursor = 0;

	if (!r || r->len % sizeof(struct kckpt_segment))
		return kckpt_session_refuse(s, "bad segment table");
	s->nr_segs = r->len / sizeof(struct kckpt_segment);
	s->segs = kvmalloc(r->len + 1, KCKPT_GFP_SIZED);
	if (!s->segs)
		return -ENOMEM;
	memcpy(s->segs, s->notes + r->off, r->len);
	for (i = 0; i < s->nr_segs; i++) {
		const struct kckpt_segment *g = &s->segs[i];
		const struct kckpt_vma *v;

		if (!g->size || !PAGE_ALIGNED(g->vaddr | g->offset | g->size) ||
		    g->vaddr < prev_end || g->vaddr + g->size < g->vaddr ||
		    g->offset > s->image_size || g->size > s->image_size - g->offset)
			return kckpt_session_refuse(s, "segment %d lies outside the image or out of order", i);
		v = kckpt_vma_of(s, &cursor, g->vaddr, g->vaddr + g->size);
		if (!v || v->kind == KCKPT_VMA_FILE_SHARED || v->kind == KCKPT_VMA_VVAR)
			return kckpt_session_refuse(s, "segment %d is not inside a VMA that holds pages", i);
		prev_end = g->vaddr + g->size;
	}
	return 0;
}

static int kckpt_check_fd(struct kckpt_session *s, const struct kckpt_note_ref *r)
{
	struct kckpt_fd f;

	if (r->len < sizeof(f))
		return kckpt_session_refuse(s, "an fd note is too short");
	memcpy(&f, s->notes + r->off, sizeof(f));
	if (f.hdr_size < sizeof(f) || f.hdr_size > r->len ||
	    f.path_len > r->len - f.hdr_size ||
	    IS_ERR_OR_NULL(kckpt_note_path(s->notes + r->off + f.hdr_size,
					   f.path_len)))
		return kckpt_session_refuse(s, "an fd note lies about its size or path");
	if (f.fd < 0 || f.fd >= KCKPT_MAX_FD || !f.kind || f.kind > KCKPT_FD_KCKPT)
		return kckpt_session_refuse(s, "bad fd %d", f.fd);
	s->max_fd = max(s->max_fd, f.fd);
	s->nr_fds++;
	return 0;
}

static int kckpt_check_fds(struct kckpt_session *s)
{
	int i, err;

	s->max_fd = -1;
	for (i = 0; i < s->nr_refs; i++) {
		if (!s->refs[i].kckpt || s->refs[i].type != KCKPT_NT_FD)
			continue;
		err = kckpt_check_fd(s, &s->refs[i]);
		if (err)
			return err;
	}
	return 0;
}

static int kckpt_check_signals(struct kckpt_session *s)
{
	const struct kckpt_note_ref *r = kckpt_find_note(s, KCKPT_NT_SIGACTIONS, true, 0);
	const struct kckpt_siginfo *q;
	int i, n;

	if (!r || r->len != KCKPT_NSIG * sizeof(struct kckpt_sigaction))
		return kckpt_session_refuse(s, "bad signal actions");
	r = kckpt_find_note(s, KCKPT_NT_SIGPENDING, true, 0);
	if (!r)
		return 0;
	if (r->len % sizeof(*q))
		return kckpt_session_refuse(s, "bad pending signals");
	n = r->len / sizeof(*q);
	for (i = 0; i < n; i++) {
		int signo;

		q = (const void *)(s->notes + r->off) + i * sizeof(*q);
		memcpy(&signo, q->info, sizeof(signo));
		if (signo < 1 || signo > KCKPT_NSIG || q->queue > KCKPT_SIGQ_SHARED)
			return kckpt_session_refuse(s, "bad pending signal %d", signo);
	}
	return 0;
}

/* The vdso of this kernel must be the one the image saw. */
static int kckpt_check_vdso(struct kckpt_session *s)
{
	struct mm_struct *mm = current->mm;
	u64 start = (unsigned long)mm->context.vdso;
	void *buf;
	int err = 0;

	if (!start || !s->hdr.vdso_size || s->hdr.vdso_size > SZ_1M)
		return kckpt_session_refuse(s, "no vdso to compare");
	buf = kvmalloc(s->hdr.vdso_size, KCKPT_GFP_SIZED);
	if (!buf)
		return -ENOMEM;
	if (copy_from_user(buf, (void __user *)start, s->hdr.vdso_size) ||
	    ~kckpt_crc32c(~0U, buf, s->hdr.vdso_size) != s->hdr.vdso_crc32c)
		err = kckpt_session_refuse(s, "the image's vdso differs from this kernel's (another build)");
	kvfree(buf);
	return err;
}

int kckpt_session_check(struct kckpt_session *s)
{
	int err;

	err = kckpt_copy_note(s, KCKPT_NT_IMAGE, &s->hdr, sizeof(s->hdr),
			      sizeof(s->hdr), "image");
	err = err ?: kckpt_copy_note(s, KCKPT_NT_PROC, &s->proc, sizeof(s->proc),
				     KCKPT_PROC_SIZE_VER0, "process");
	err = err ?: kckpt_copy_note(s, KCKPT_NT_THREAD, &s->thread, sizeof(s->thread),
				     sizeof(s->thread), "thread");
	err = err ?: kckpt_check_build(s);
	err = err ?: kckpt_check_vdso(s);
	err = err ?: kckpt_check_owner(s);
	err = err ?: kckpt_check_image_file(s);
	err = err ?: kckpt_check_regs(s);
	err = err ?: kckpt_check_thread(s);
	err = err ?: kckpt_check_proc(s);
	err = err ?: kckpt_check_vmas(s);
	err = err ?: kckpt_check_segments(s);
	err = err ?: kckpt_check_fds(s);
	err = err ?: kckpt_check_signals(s);
	return err;
}
