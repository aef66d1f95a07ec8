// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-provided mappings (vdso, vvar, ...) must sit where the image had
 * them: the restored code calls into the vdso at its old address and FINISH
 * keeps them. They move with mremap(MREMAP_FIXED), which would silently
 * unmap whatever is at the target, so:
 *  1. every page of every target is checked: one mapped by anything but a
 *     special mapping that is about to move belongs to the helper itself
 *     (text, data, bss, stack). That check and the scratch reservation of 2
 *     run right after BEGIN (kr_specials_reserve), before anything else has
 *     changed, so a collision can simply run the helper again (kr_retry:
 *     ASLR places it elsewhere next time);
 *  2. all mappings that move go first to a scratch area (a PROT_NONE
 *     reservation that overlaps no target), then to their targets, so a
 *     target may overlap where another special mapping (or itself) is now.
 */
#include <linux/errno.h>
#include <linux/mman.h>

#include "restore.h"
#include "sys.h"
#include "util.h"

#define KR_TASK_SIZE	0x00007ffffffff000UL	/* 4-level paging; FINISH checks the rest */

static int kr_overlaps(unsigned long a, unsigned long alen, unsigned long b,
		       unsigned long blen)
{
	return a < b + blen && b < a + alen;
}

static const char *kr_special_name(const struct kckpt_special_map *m)
{
	static char names[2][KCKPT_SPECIAL_NAMELEN + 1];	/* two per message */
	static int next;
	char *n = names[next++ & 1];
	int i;

	for (i = 0; i < KCKPT_SPECIAL_NAMELEN && m->name[i]; i++)
		n[i] = m->name[i];
	n[i] = '\0';
	return i ? n : "special mapping";
}

static void kr_specials_check(const struct kr_state *st)
{
	const struct kckpt_restore_begin *b = &st->begin;
	__u32 i, j;

	if (b->nr_special > KCKPT_SPECIAL_MAX)
		kr_die(KR_EXIT_FAILED, "the module reported %u special mappings (at most %u)",
		       b->nr_special, KCKPT_SPECIAL_MAX);
	for (i = 0; i < b->nr_special; i++) {
		const struct kckpt_special_map *m = &b->special[i];

		if (!m->len || (m->len | m->cur_start | m->saved_start) & (KR_PAGE_SIZE - 1) ||
		    m->saved_start > KR_TASK_SIZE || m->len > KR_TASK_SIZE - m->saved_start)
			kr_die(KR_EXIT_FAILED, "%s: bad placement 0x%llx+0x%llx",
			       kr_special_name(m), (unsigned long long)m->saved_start,
			       (unsigned long long)m->len);
		for (j = 0; j < i; j++)
			if (kr_overlaps(m->saved_start, m->len, b->special[j].saved_start,
					b->special[j].len))
				kr_die(KR_EXIT_FAILED, "%s and %s overlap in the image",
				       kr_special_name(m), kr_special_name(&b->special[j]));
	}
}

/* Is @addr inside one of the special mappings where it is now? */
static int kr_in_special_now(const struct kr_state *st, unsigned long addr)
{
	__u32 i;

	for (i = 0; i < st->begin.nr_special; i++)
		if (kr_overlaps(addr, 1, st->begin.special[i].cur_start,
				st->begin.special[i].len))
			return 1;
	return 0;
}

/* The first page of @m's target the helper itself uses now, or 0. */
static unsigned long kr_target_collision(const struct kr_state *st,
					 const struct kckpt_special_map *m)
{
	static unsigned char vec;
	unsigned long p;

	for (p = m->saved_start; p < m->saved_start + m->len; p += KR_PAGE_SIZE) {
		long r;

		if (kr_in_special_now(st, p))
			continue;
		r = sys_mincore(p, KR_PAGE_SIZE, &vec);	/* -ENOMEM: nothing mapped */
		if (r == 0)
			return p;
		if (r != -ENOMEM)
			kr_die(KR_EXIT_FAILED, "checking 0x%lx for %s: %s", p,
			       kr_special_name(m), kr_errstr(r));
	}
	return 0;
}

/* A free area of @len bytes overlapping no target, or 0. */
static unsigned long kr_scratch(const struct kr_state *st, unsigned long len)
{
	unsigned long held[8], found = 0;
	int nheld = 0, i;

	while (!found && nheld < 8) {
		long a = sys_mmap(0, len, PROT_NONE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		__u32 j;

		if (KR_IS_ERR(a))
			kr_die(KR_EXIT_FAILED, "reserving %lu bytes to move the special mappings: %s",
			       len, kr_errstr(a));
		found = (unsigned long)a;
		for (j = 0; j < st->begin.nr_special; j++)
			if (kr_overlaps(found, len, st->begin.special[j].saved_start,
					st->begin.special[j].len))
				found = 0;
		if (!found)
			held[nheld++] = (unsigned long)a;	/* keep it so mmap moves on */
	}
	for (i = 0; i < nheld; i++)
		sys_munmap(held[i], len);
	return found;
}

static void kr_mremap(const struct kckpt_special_map *m, unsigned long from,
		      unsigned long to)
{
	long r = sys_mremap(from, m->len, m->len, MREMAP_MAYMOVE | MREMAP_FIXED, to);

	if (KR_IS_ERR(r))
		kr_die(KR_EXIT_FAILED, "moving %s from 0x%lx to 0x%lx: %s",
		       kr_special_name(m), from, to, kr_errstr(r));
}

void kr_specials_reserve(struct kr_state *st)
{
	const struct kckpt_restore_begin *b = &st->begin;
	unsigned long total = 0, p;
	__u32 i;

	kr_specials_check(st);
	for (i = 0; i < b->nr_special; i++) {
		if (b->special[i].cur_start == b->special[i].saved_start)
			continue;
		p = kr_target_collision(st, &b->special[i]);
		if (p)
			kr_retry(st, "moving %s to 0x%lx: address collision with the helper",
				 kr_special_name(&b->special[i]), p);
		total += b->special[i].len;
	}
	if (!total)
		return;
	st->scratch = kr_scratch(st, total);
	if (!st->scratch)
		kr_retry(st, "moving the vdso: no room that is not a target");
}

void kr_specials_move(struct kr_state *st)
{
	const struct kckpt_restore_begin *b = &st->begin;
	unsigned long slot = st->scratch, tmp[KCKPT_SPECIAL_MAX], p;
	__u32 i;

	if (!slot)
		return;
	/* reserved at step 2; since then only the helper's stack can have grown */
	for (i = 0; i < b->nr_special; i++) {
		if (b->special[i].cur_start == b->special[i].saved_start)
			continue;
		p = kr_target_collision(st, &b->special[i]);
		if (p)
			kr_die(KR_EXIT_FAILED, "moving %s to 0x%lx: address collision with the helper",
			       kr_special_name(&b->special[i]), p);
	}
	for (i = 0; i < b->nr_special; i++) {
		const struct kckpt_special_map *m = &b->special[i];

		if (m->cur_start == m->saved_start)
			continue;
		kr_mremap(m, m->cur_start, slot);
		tmp[i] = slot;
		slot += m->len;
	}
	for (i = 0; i < b->nr_special; i++) {
		const struct kckpt_special_map *m = &b->special[i];

		if (m->cur_start != m->saved_start)
			kr_mremap(m, tmp[i], m->saved_start);
	}
}
