// SPDX-License-Identifier: GPL-2.0
/*
 * The memory map: a snapshot of the VMAs (refusing what cannot be saved),
 * the saved pages, the KCKPT_NT_VMA notes and the standard NT_FILE note.
 *
 * Pages saved: populated pages of private anonymous memory, the private
 * (copy-on-write) pages inside private file mappings, and shared anonymous
 * memory. Pages never populated are skipped (FOLL_DUMP reports them as
 * holes), so a sparse region costs only what was touched. Shared file
 * mappings and unmodified file pages live in their files.
 */
#include <linux/crc32.h>
#include <linux/elf.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/magic.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/uaccess.h>
#include <linux/userfaultfd_k.h>

#include "core/compat.h"
#include "dump/dump.h"
#include "core/crc.h"
#include "core/file_id.h"
#include "core/kckpt.h"
#include "core/special.h"

#define KCKPT_GUP_BATCH		KCKPT_WRITE_BATCH	/* pages pinned per call */

static u32 kckpt_vma_prot(unsigned long vm_flags)
{
	return (vm_flags & VM_READ ? PROT_READ : 0) |
	       (vm_flags & VM_WRITE ? PROT_WRITE : 0) |
	       (vm_flags & VM_EXEC ? PROT_EXEC : 0);
}

static u32 kckpt_vma_flags(struct mm_struct *mm, struct vm_area_struct *vma)
{
	unsigned long f = vma->vm_flags;
	u32 flags = 0;

	flags |= f & VM_GROWSDOWN ? KCKPT_VMAF_GROWSDOWN : 0;
	flags |= f & VM_LOCKED ? KCKPT_VMAF_LOCKED : 0;
	flags |= f & VM_NORESERVE ? KCKPT_VMAF_NORESERVE : 0;
	flags |= f & VM_DONTDUMP ? KCKPT_VMAF_DONTDUMP : 0;
	flags |= f & VM_MAYWRITE ? KCKPT_VMAF_MAYWRITE : 0;
	flags |= f & VM_DONTCOPY ? KCKPT_VMAF_DONTFORK : 0;
	if (!vma->vm_file && vma->vm_start <= mm->start_brk &&
	    vma->vm_end >= mm->brk && mm->brk > mm->start_brk)
		flags |= KCKPT_VMAF_HEAP;
	if (vma->vm_start <= mm->start_stack && mm->start_stack < vma->vm_end)
		flags |= KCKPT_VMAF_STACK;
	return flags;
}

/* Why a VMA cannot be saved yet, or NULL. */
static const char *kckpt_vma_refusal(struct vm_area_struct *vma,
				     const char *special)
{
	unsigned long f = vma->vm_flags;

	if (f & VM_HUGETLB)
		return "is hugetlb memory";
	if (f & (VM_IO | VM_PFNMAP))
		return "is a device mapping (VM_IO/VM_PFNMAP)";
	if (userfaultfd_armed(vma))
		return "is registered with userfaultfd";
	if (kckpt_vma_is_shadow_stack(vma))
		return "is a shadow stack";
	if (special)
		return "is a special kernel mapping";
	if (vma->vm_file && !kckpt_path_reachable(kckpt_user_path(vma->vm_file)) &&
	    !(f & VM_MAYSHARE))
		return "maps a deleted file privately";
	return NULL;
}

/* The kind of a VMA, or 0 with a reason when it cannot be saved. */
static u32 kckpt_vma_kind(struct kckpt_dump *d, struct vm_area_struct *vma)
{
	const char *special = kckpt_special_name(vma);
	u32 kind = kckpt_special_kind(special);
	const char *why;

	if (kind)
		return kind;
	why = kckpt_vma_refusal(vma, special);
	if (why) {
		kckpt_reason(d->req, "the mapping %lx-%lx %s", vma->vm_start,
			     vma->vm_end, why);
		return 0;
	}
	if (!vma->vm_file)
		return KCKPT_VMA_ANON;
	if (!(vma->vm_flags & VM_MAYSHARE))
		return KCKPT_VMA_FILE_PRIVATE;
	/* shared anonymous memory and memfds have no path to map again */
	return !kckpt_path_reachable(kckpt_user_path(vma->vm_file)) ? KCKPT_VMA_SHMEM :
							 KCKPT_VMA_FILE_SHARED;
}

static int kckpt_snap_vma(struct kckpt_dump *d, struct vm_area_struct *vma,
			  struct kckpt_vma_snap *s)
{
	s->kind = kckpt_vma_kind(d, vma);
	if (!s->kind)
		return -EOPNOTSUPP;
	s->start = vma->vm_start;
	s->end = vma->vm_end;
	s->pgoff = (u64)vma->vm_pgoff << PAGE_SHIFT;
	s->prot = kckpt_vma_prot(vma->vm_flags);
	s->flags = kckpt_vma_flags(d->mm, vma);
	s->has_anon = vma->anon_vma != NULL;
	if (vma->vm_file && s->kind != KCKPT_VMA_VDSO && s->kind != KCKPT_VMA_VVAR)
		s->file = get_file(vma->vm_file);
	return 0;
}

int kckpt_collect_vmas(struct kckpt_dump *d)
{
	struct vm_area_struct *vma;
	int n = 0, err = 0, cap;

	KCKPT_VMA_ITERATOR(vmi, d->mm);

	mmap_read_lock(d->mm);
	cap = d->mm->map_count;
	d->vmas = kvcalloc(cap, sizeof(*d->vmas), KCKPT_GFP_SIZED);
	if (!d->vmas)
		err = -ENOMEM;
	kckpt_for_each_vma(vmi, vma) {
		if (err)
			break;
		if (n == cap) {
			err = -EAGAIN;
			break;
		}
		err = kckpt_snap_vma(d, vma, &d->vmas[n]);
		if (!err)
			n++;
	}
	mmap_read_unlock(d->mm);
	d->nr_vmas = n;
	return err;
}

void kckpt_release_vmas(struct kckpt_dump *d)
{
	int i;

	for (i = 0; i < d->nr_vmas; i++) {
		if (d->vmas[i].file)
			fput(d->vmas[i].file);
		kvfree(d->vmas[i].bitmap);
	}
	kvfree(d->vmas);
	d->vmas = NULL;
	d->nr_vmas = 0;
}

static unsigned long kckpt_vma_pages(const struct kckpt_vma_snap *s)
{
	return (s->end - s->start) >> PAGE_SHIFT;
}

static bool kckpt_vma_may_hold_pages(const struct kckpt_vma_snap *s)
{
	switch (s->kind) {
	case KCKPT_VMA_SHMEM:
	case KCKPT_VMA_VDSO:	/* not restored from the image; for gdb */
		return true;
	case KCKPT_VMA_ANON:	/* never written: no anon_vma, no pages */
	case KCKPT_VMA_FILE_PRIVATE:
		return s->has_anon;
	default:
		return false;
	}
}

static bool kckpt_page_wanted(const struct kckpt_vma_snap *s, struct page *page)
{
	/* in a private file mapping, only the copied-on-write pages */
	return s->kind != KCKPT_VMA_FILE_PRIVATE || PageAnon(page);
}

/* Saves the wanted pages of @n pinned at @addr, a run of them per write. */
static int kckpt_save_pages(struct kckpt_dump *d, struct kckpt_vma_snap *s,
			    unsigned long addr, struct page **pages, long n)
{
	unsigned long first = (addr - s->start) >> PAGE_SHIFT;
	long i, run = 0;
	int err = 0;

	for (i = 0; i <= n && !err; i++) {
		if (i < n && kckpt_page_wanted(s, pages[i])) {
			run++;
			continue;
		}
		if (!run)
			continue;
		err = kckpt_image_add_pages(&d->img,
					    addr + (i - run) * PAGE_SIZE,
					    pages + i - run, run);
		if (!err) {
			bitmap_set(s->bitmap, first + i - run, run);
			s->nr_saved += run;
			/* the caller may be showing progress */
			WRITE_ONCE(d->req->progress, d->img.pos);
		}
		run = 0;
	}
	for (i = 0; i < n; i++)
		put_page(pages[i]);
	return err;
}

/*
 * The first address from @addr (below @end) that has a page table down to
 * its PMD: whole empty PMDs, PUDs and P4Ds/PGDs of a reservation touched
 * once (a GC heap of hundreds of GiB, say) are stepped over, not walked a
 * page at a time. A present entry proves nothing: GUP then decides, page
 * by page, within that PMD. Under the mmap lock, the target parked. Only
 * for private memory, whose pages (or swap entries) this mm's page tables
 * must hold; a shared mapping's pages live in its file, mapped or not.
 */
static unsigned long kckpt_skip_holes(struct mm_struct *mm, unsigned long addr,
				      unsigned long end)
{
	while (addr < end) {
		pgd_t *pgd = pgd_offset(mm, addr);
		p4d_t *p4d;
		pud_t *pud;

		if (pgd_none(READ_ONCE(*pgd))) {
			addr = pgd_addr_end(addr, end);
			continue;
		}
		p4d = p4d_offset(pgd, addr);
		if (p4d_none(READ_ONCE(*p4d))) {
			addr = p4d_addr_end(addr, end);
			continue;
		}
		pud = pud_offset(p4d, addr);
		if (pud_none(READ_ONCE(*pud))) {
			addr = pud_addr_end(addr, end);
			continue;
		}
		if (pud_bad(READ_ONCE(*pud)))	/* a huge PUD: let GUP see */
			return addr;
		if (pmd_none(READ_ONCE(*pmd_offset(pud, addr)))) {
			addr = pmd_addr_end(addr, end);
			continue;
		}
		return addr;
	}
	return end;
}

static int kckpt_dump_vma_pages(struct kckpt_dump *d, struct kckpt_vma_snap *s,
				struct page **pages)
{
	unsigned long addr = s->start;
	int err;

	while (addr < s->end) {
		unsigned long nr;
		long got;

		mmap_read_lock(d->mm);
		if (s->kind == KCKPT_VMA_ANON || s->kind == KCKPT_VMA_FILE_PRIVATE)
			addr = kckpt_skip_holes(d->mm, addr, s->end);
		nr = min_t(unsigned long, KCKPT_GUP_BATCH,
			   (s->end - addr) >> PAGE_SHIFT);
		got = nr ? kckpt_gup(d->mm, addr, nr, FOLL_DUMP | FOLL_FORCE,
				     pages) : 0;
		mmap_read_unlock(d->mm);
		if (!nr)
			break;
		if (got == -EFAULT || got == 0) {	/* a page never populated */
			addr += PAGE_SIZE;
			continue;
		}
		if (got < 0)
			return got;
		err = kckpt_save_pages(d, s, addr, pages, got);
		if (err)
			return err;
		addr += got << PAGE_SHIFT;
		if (fatal_signal_pending(current) || READ_ONCE(d->req->cancelled))
			return -EINTR;
		cond_resched();
	}
	return 0;
}

int kckpt_write_memory(struct kckpt_dump *d)
{
	struct page **pages;
	int i, err = 0;

	pages = kmalloc_array(KCKPT_GUP_BATCH, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	for (i = 0; i < d->nr_vmas && !err; i++) {
		struct kckpt_vma_snap *s = &d->vmas[i];

		err = kckpt_image_vma_begin(&d->img, s->start, s->prot);
		if (!err && kckpt_vma_may_hold_pages(s)) {
			s->bitmap = kvcalloc(BITS_TO_LONGS(kckpt_vma_pages(s)),
					     sizeof(long), KCKPT_GFP_SIZED);
			err = s->bitmap ? kckpt_dump_vma_pages(d, s, pages) :
					  -ENOMEM;
		}
		err = err ?: kckpt_image_vma_end(&d->img, s->end);
	}
	kfree(pages);
	return err;
}

static void kckpt_fill_identity(struct kckpt_vma *v, struct file *file)
{
	struct kckpt_file_id id;

	if (kckpt_file_id(kckpt_user_path(file), &id))
		return;
	v->dev = id.dev;
	v->ino = id.ino;
	v->file_size = id.size;
	v->mtime_sec = id.mtime_sec;
	v->mtime_nsec = id.mtime_nsec;
}

static int kckpt_note_vma(struct kckpt_dump *d, const struct kckpt_vma_snap *s)
{
	struct kckpt_vma v = {
		.hdr_size = sizeof(v), .kind = s->kind, .prot = s->prot,
		.flags = s->flags, .start = s->start, .end = s->end,
		.pgoff = s->pgoff, .nr_saved = s->nr_saved,
	};
	const char *path = NULL;

	if (s->file) {
		path = kckpt_path(d, kckpt_user_path(s->file));
		v.path_len = strlen(path) + 1;
		kckpt_fill_identity(&v, s->file);
	}
	if (s->nr_saved)
		v.bitmap_len = BITS_TO_BYTES(kckpt_vma_pages(s));
	return kckpt_note_add3(&d->img, KCKPT_NOTE_NAME, KCKPT_NT_VMA,
			       &v, sizeof(v), path, v.path_len,
			       s->bitmap, v.bitmap_len);
}

int kckpt_note_vmas(struct kckpt_dump *d)
{
	int i, err = 0;

	for (i = 0; i < d->nr_vmas && !err; i++)
		err = kckpt_note_vma(d, &d->vmas[i]);
	return err;
}

/* NT_FILE: count, page size, {start, end, page offset}[count], names. */
int kckpt_note_file_map(struct kckpt_dump *d)
{
	struct kckpt_buf ranges = {}, names = {};
	u64 count = 0, page = PAGE_SIZE;
	int i, err = 0;

	for (i = 0; i < d->nr_vmas && !err; i++) {
		const struct kckpt_vma_snap *s = &d->vmas[i];
		u64 range[3] = { s->start, s->end, s->pgoff >> PAGE_SHIFT };
		const char *path;

		if (!s->file)
			continue;
		path = kckpt_path(d, kckpt_user_path(s->file));
		err = kckpt_buf_append(&ranges, range, sizeof(range));
		err = err ?: kckpt_buf_append(&names, path, strlen(path) + 1);
		count++;
	}
	if (!err && count) {
		u64 head[2] = { count, page };

		err = kckpt_buf_append(&ranges, names.data, names.len);
		err = err ?: kckpt_note_add3(&d->img, "CORE", NT_FILE, head,
					     sizeof(head), ranges.data,
					     ranges.len, NULL, 0);
	}
	kckpt_buf_free(&ranges);
	kckpt_buf_free(&names);
	return err;
}

/* The vdso's address, size and crc32c: they identify the kernel build. */
int kckpt_vdso_identity(struct kckpt_dump *d, u64 *start, u64 *size, u32 *crc)
{
	const struct kckpt_vma_snap *s = NULL;
	void *buf;
	int i, err = 0;

	for (i = 0; i < d->nr_vmas && !s; i++)
		if (d->vmas[i].kind == KCKPT_VMA_VDSO)
			s = &d->vmas[i];
	*start = *size = *crc = 0;
	if (!s)
		return 0;
	*start = s->start;
	*size = s->end - s->start;
	buf = kvmalloc(*size, KCKPT_GFP_SIZED);
	if (!buf)
		return -ENOMEM;
	if (copy_from_user(buf, (void __user *)s->start, *size))
		err = -EFAULT;
	else
		*crc = ~kckpt_crc32c(~0U, buf, *size);
	kvfree(buf);
	return err;
}
