// SPDX-License-Identifier: GPL-2.0
/*
 * Image notes, copied out of the module's session with
 * KCKPT_IOC_RESTORE_NOTE into static buffers. The module validated the
 * image at BEGIN; sizes are still checked against what we expect and the
 * buffers we have.
 */
#include <linux/elf.h>
#include <linux/errno.h>

#include "restore.h"
#include "sys.h"
#include "util.h"

long kr_note(struct kr_state *st, __u32 type, __u32 index, void *buf,
	     __u32 cap, const char *what, int flags)
{
	struct kckpt_restore_note n = {
		.size = sizeof(n), .type = type, .index = index, .len = cap,
		.buf = (unsigned long)buf,
	};
	long r = sys_ioctl(st->dev_fd, KCKPT_IOC_RESTORE_NOTE, &n);

	if (r == -ENOENT && (flags & KR_NOTE_OPTIONAL))
		return -ENOENT;
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "reading the %s note of %s: %s", what,
		       st->image_path, kr_errstr(r));
	if (n.len > cap && !(flags & KR_NOTE_GROWS))
		kr_die(KR_EXIT_FAILED, "the %s note of %s is too large (%u bytes, at most %u)",
		       what, st->image_path, n.len, cap);
	return n.len;
}

/*
 * A fixed structure of @size bytes in the zeroed @buf: the note may be
 * longer (a newer writer) or, down to @min bytes, shorter (an older one:
 * the fields it lacks stay zero).
 */
static void kr_note_fixed(struct kr_state *st, __u32 type, void *buf,
			  __u32 size, __u32 min, const char *what)
{
	long len = kr_note(st, type, 0, buf, size, what, KR_NOTE_GROWS);

	if (len < min)
		kr_die(KR_EXIT_FAILED, "the %s note of %s is too short (%ld bytes, expected %u)",
		       what, st->image_path, len, min);
}

static void kr_fetch_pending(struct kr_state *st)
{
	__u32 n = st->begin.nr_pending;
	long len;

	if (!n)
		return;
	if (n > KR_MAX_PENDING)
		kr_die(KR_EXIT_FAILED, "%s has %u pending signals, at most %u can be restored",
		       st->image_path, n, KR_MAX_PENDING);
	len = kr_note(st, KCKPT_NT_SIGPENDING, 0, kr_pending,
		      n * sizeof(kr_pending[0]), "pending signals", 0);
	if (len != (long)(n * sizeof(kr_pending[0])))
		kr_die(KR_EXIT_FAILED, "the pending signals note of %s has %ld bytes, expected %u entries",
		       st->image_path, len, n);
	st->nr_pending = n;
}

static void kr_fetch_cwd(struct kr_state *st)
{
	long len = kr_note(st, KCKPT_NT_CWD, 0, st->cwd, sizeof(st->cwd),
			   "working directory", KR_NOTE_OPTIONAL);

	if (len == -ENOENT)
		return;
	if (len < 2 || st->cwd[len - 1] || st->cwd[0] != '/' ||
	    kr_strlen(st->cwd) != (unsigned long)len - 1)
		kr_die(KR_EXIT_FAILED, "the working directory note of %s is not an absolute path",
		       st->image_path);
	st->have_cwd = 1;
}

static void kr_fetch_xstate(struct kr_state *st)
{
	long len;

	if (!st->begin.xstate_size)
		return;
	len = kr_note(st, NT_X86_XSTATE, 0, kr_xstate, sizeof(kr_xstate),
		      "register state (NT_X86_XSTATE)", KR_NOTE_OPTIONAL | KR_NOTE_GROWS);
	if (len == -ENOENT)
		return;
	if (len > (long)sizeof(kr_xstate))
		kr_die(KR_EXIT_FAILED, "the register state of %s is %ld bytes, kckpt-restore handles at most %u",
		       st->image_path, len, KR_XSTATE_MAX);
	st->xstate_len = len;
}

void kr_fetch_notes(struct kr_state *st)
{
	static struct kckpt_thread other;

	kr_note_fixed(st, KCKPT_NT_PROC, &st->proc, sizeof(st->proc),
		      KCKPT_PROC_SIZE_VER0, "process");
	if (st->proc.confinement & ~KCKPT_CONFINE_FLAGS)
		kr_die(KR_EXIT_FAILED, "%s records confinement 0x%x that this kckpt-restore does not know",
		       st->image_path, st->proc.confinement & ~KCKPT_CONFINE_FLAGS);
	kr_note_fixed(st, KCKPT_NT_THREAD, &st->thread, sizeof(st->thread),
		      sizeof(st->thread), "thread");
	if (kr_note(st, KCKPT_NT_THREAD, 1, &other, sizeof(other), "thread",
		    KR_NOTE_OPTIONAL | KR_NOTE_GROWS) != -ENOENT)
		kr_die(KR_EXIT_FAILED, "%s has more than one thread; only single-threaded processes can be restored",
		       st->image_path);
	kr_note_fixed(st, KCKPT_NT_SIGACTIONS, st->sigactions,
		      sizeof(st->sigactions), sizeof(st->sigactions), "signal handlers");
	kr_fetch_pending(st);
	kr_fetch_cwd(st);
	kr_fetch_xstate(st);
	kr_xstate_check(st);
}
