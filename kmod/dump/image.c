// SPDX-License-Identifier: GPL-2.0
/*
 * The image writer: page data is appended at page-aligned offsets after the
 * ELF header, one PT_LOAD per run of saved pages and one p_filesz == 0
 * PT_LOAD per gap, so the program headers cover every VMA exactly once in
 * address order. The notes and the program header table follow the data;
 * the ELF header is written last, once e_phoff and e_phnum are known.
 */
#include <linux/bvec.h>
#include <linux/elf.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/workqueue.h>

#include "core/compat.h"
#include "dump/image.h"
#include "core/crc.h"
#include "core/kckpt.h"

#define KCKPT_MAX_PHDRS		(PN_XNUM - 1)
/* batches smaller than this take their crc32c inline, on one CPU */
#define KCKPT_CRC_JOB_MIN	16

int kckpt_buf_append(struct kckpt_buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = max3(b->cap * 2, b->len + n, (size_t)4096);
		u8 *data = kvmalloc(cap, KCKPT_GFP_SIZED);

		if (!data)
			return -ENOMEM;
		if (b->len)
			memcpy(data, b->data, b->len);
		kvfree(b->data);
		b->data = data;
		b->cap = cap;
	}
	if (p)
		memcpy(b->data + b->len, p, n);
	else
		memset(b->data + b->len, 0, n);
	b->len += n;
	return 0;
}

void kckpt_buf_free(struct kckpt_buf *b)
{
	kvfree(b->data);
	memset(b, 0, sizeof(*b));
}

static int kckpt_write_at(struct kckpt_image *img, const void *p, size_t n,
			  loff_t off)
{
	while (n) {
		ssize_t done = kernel_write(img->file, p, n, &off);

		if (done < 0)
			return done;
		if (done == 0)
			return -EIO;
		p += done;
		n -= done;
	}
	return 0;
}

u32 kckpt_crc_page_run(u32 crc, struct page **pages, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		void *kaddr = kckpt_kmap(pages[i]);

		crc = kckpt_crc32c(crc, kaddr, PAGE_SIZE);
		kckpt_kunmap(kaddr);
	}
	return crc;
}

static void kckpt_crc_work(struct work_struct *work)
{
	struct kckpt_crc_job *j = container_of(work, struct kckpt_crc_job, work);

	j->crc = kckpt_crc_page_run(j->crc, j->pages, j->n - j->mine);
}

/*
 * Starts summing @n @pages onto @crc (raw, as kckpt_crc32c): on a worker,
 * but for the last @mine pages, which kckpt_crc_job_finish() sums here.
 */
static void kckpt_crc_job_start(struct kckpt_crc_job *j, u32 crc,
				struct page **pages, unsigned int n,
				unsigned int mine)
{
	j->pages = pages;
	j->n = n;
	j->crc = crc;
	j->queued = n >= KCKPT_CRC_JOB_MIN;
	j->mine = j->queued ? mine : 0;
	if (j->queued)
		queue_work(kckpt_wq, &j->work);
	else
		j->crc = kckpt_crc_page_run(crc, pages, n);
}

/* Sums the caller's part, waits for the worker's; returns the whole sum. */
static u32 kckpt_crc_job_finish(struct kckpt_crc_job *j)
{
	u32 crc2 = 0;

	if (j->mine)
		crc2 = kckpt_crc_page_run(0, j->pages + j->n - j->mine, j->mine);
	if (j->queued)
		flush_work(&j->work);
	if (!j->mine)
		return j->crc;
	return kckpt_crc32c_combine(j->crc, crc2, (u64)j->mine * PAGE_SIZE);
}

int kckpt_image_init(struct kckpt_image *img, struct file *file)
{
	memset(img, 0, sizeof(*img));
	INIT_WORK(&img->crc_job.work, kckpt_crc_work);
	img->bvec = kmalloc_array(KCKPT_WRITE_BATCH, sizeof(*img->bvec),
				  GFP_KERNEL);
	if (!img->bvec)
		return -ENOMEM;
	img->file = file;
	kckpt_dio_open(&img->io, file, O_WRONLY);
	img->pos = PAGE_SIZE;	/* the ELF header's page */
	return 0;
}

void kckpt_image_destroy(struct kckpt_image *img)
{
	kckpt_dio_close(&img->io);
	kfree(img->bvec);
	kckpt_buf_free(&img->notes);
	kckpt_buf_free(&img->phdrs);
	kckpt_buf_free(&img->segs);
}

int kckpt_note_add3(struct kckpt_image *img, const char *name, u32 type,
		    const void *hdr, size_t hdr_len, const void *tail1,
		    size_t len1, const void *tail2, size_t len2)
{
	size_t namesz = strlen(name) + 1;
	size_t descsz = hdr_len + len1 + len2;
	struct elf64_note nh = {
		.n_namesz = namesz, .n_descsz = descsz, .n_type = type,
	};
	struct kckpt_buf *b = &img->notes;
	int err;

	err = kckpt_buf_append(b, &nh, sizeof(nh));
	err = err ?: kckpt_buf_append(b, name, namesz);
	err = err ?: kckpt_buf_append(b, NULL, ALIGN(namesz, 4) - namesz);
	err = err ?: kckpt_buf_append(b, hdr, hdr_len);
	err = err ?: kckpt_buf_append(b, tail1, len1);
	err = err ?: kckpt_buf_append(b, tail2, len2);
	err = err ?: kckpt_buf_append(b, NULL, ALIGN(descsz, 4) - descsz);
	return err;
}

int kckpt_note_add(struct kckpt_image *img, const char *name, u32 type,
		   const void *desc, size_t len)
{
	return kckpt_note_add3(img, name, type, desc, len, NULL, 0, NULL, 0);
}

static int kckpt_add_phdr(struct kckpt_image *img, u32 type, u32 flags,
			  u64 offset, u64 vaddr, u64 filesz, u64 memsz)
{
	struct elf64_phdr ph = {
		.p_type = type, .p_flags = flags, .p_offset = offset,
		.p_vaddr = vaddr, .p_filesz = filesz, .p_memsz = memsz,
		.p_align = type == PT_LOAD ? PAGE_SIZE : 4,
	};

	if (img->phdrs.len / sizeof(ph) >= KCKPT_MAX_PHDRS)
		return -E2BIG;
	return kckpt_buf_append(&img->phdrs, &ph, sizeof(ph));
}

/*
 * A gap [vma_cursor, to) without saved pages: a p_filesz == 0 PT_LOAD. Its
 * offset is where data would go, as in kernel cores: an offset of 0 would
 * point at our own ELF header, which BFD (gdb) takes for a mapped ELF file
 * and parses again, seeing every thread once per gap.
 */
static int kckpt_cover_gap(struct kckpt_image *img, u64 to)
{
	int err = 0;

	if (to > img->vma_cursor)
		err = kckpt_add_phdr(img, PT_LOAD, img->vma_pflags,
				     img->pos, img->vma_cursor, 0,
				     to - img->vma_cursor);
	img->vma_cursor = to;
	return err;
}

static int kckpt_close_segment(struct kckpt_image *img)
{
	struct kckpt_segment seg;
	int err;

	if (!img->seg_open)
		return 0;
	img->seg_open = false;
	seg = (struct kckpt_segment) {
		.vaddr = img->seg_vaddr, .offset = img->seg_offset,
		.size = img->seg_size, .crc32c = ~img->seg_crc,
		/* its index in the final table, after the PT_NOTE */
		.phdr_index = img->phdrs.len / sizeof(struct elf64_phdr) + 1,
	};
	err = kckpt_add_phdr(img, PT_LOAD, img->vma_pflags, img->seg_offset,
			     img->seg_vaddr, img->seg_size, img->seg_size);
	err = err ?: kckpt_buf_append(&img->segs, &seg, sizeof(seg));
	img->vma_cursor = img->seg_vaddr + img->seg_size;
	return err;
}

int kckpt_image_vma_begin(struct kckpt_image *img, u64 start, u32 prot)
{
	img->vma_cursor = start;
	img->vma_pflags = (prot & 1 ? PF_R : 0) | (prot & 2 ? PF_W : 0) |
			  (prot & 4 ? PF_X : 0);
	return 0;
}

/*
 * Writes the batch, through the O_DIRECT file while the file system takes
 * it; on its first refusal (alignment, say) the rest goes through the page
 * cache.
 */
/*
 * The pages go to the file as they are, an ITER_BVEC over the pinned pages:
 * no copy through a staging buffer, and none at all with direct I/O. Their
 * crc32c is taken on their kernel mapping meanwhile, by a worker on another
 * CPU when the batch is large enough: the write and the sum overlap. With
 * direct I/O the device does the copy and this CPU would only wait, so it
 * sums the second half of the batch itself once the write is done. The
 * target is parked and the pages pinned until all is done, so every reader
 * sees the same bytes.
 */
static int kckpt_write_pages(struct kckpt_image *img, struct page **pages,
			     unsigned int n)
{
	struct iov_iter it;
	int err;

	kckpt_crc_job_start(&img->crc_job, img->seg_crc, pages, n,
			    kckpt_dio_is_direct(&img->io) ? n / 2 : 0);
	kckpt_bvec_of_pages(img->bvec, pages, n);
	iov_iter_bvec(&it, ITER_SOURCE, img->bvec, n, (size_t)n * PAGE_SIZE);
	err = kckpt_dio_rw(&img->io, &it, &img->pos);
	img->seg_crc = kckpt_crc_job_finish(&img->crc_job);
	return err;
}

int kckpt_image_add_pages(struct kckpt_image *img, u64 vaddr,
			  struct page **pages, unsigned int n)
{
	int err;

	if (!n)
		return 0;
	if (WARN_ON_ONCE(n > KCKPT_WRITE_BATCH))
		return -EINVAL;
	if (img->seg_open && vaddr != img->seg_vaddr + img->seg_size) {
		err = kckpt_close_segment(img);
		if (err)
			return err;
	}
	if (!img->seg_open) {
		err = kckpt_cover_gap(img, vaddr);
		if (err)
			return err;
		img->seg_open = true;
		img->seg_vaddr = vaddr;
		img->seg_offset = img->pos;
		img->seg_size = 0;
		img->seg_crc = ~0U;
	}
	err = kckpt_write_pages(img, pages, n);
	if (err)
		return err;
	img->seg_size += (u64)n * PAGE_SIZE;
	img->memory_bytes += (u64)n * PAGE_SIZE;
	return 0;
}

int kckpt_image_vma_end(struct kckpt_image *img, u64 end)
{
	int err = kckpt_close_segment(img);

	return err ?: kckpt_cover_gap(img, end);
}

static void kckpt_fill_ehdr(struct elf64_hdr *eh, u64 phoff, u16 phnum)
{
	memset(eh, 0, sizeof(*eh));
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_ident[EI_OSABI] = ELFOSABI_NONE;
	eh->e_type = ET_CORE;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_phoff = phoff;
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(struct elf64_phdr);
	eh->e_phnum = phnum;
}

/* Writes the notes, the program headers (PT_NOTE first) and the ELF header. */
int kckpt_image_finish(struct kckpt_image *img)
{
	struct elf64_phdr note;
	struct elf64_hdr eh;
	u64 notes_off, phoff;
	size_t nphdrs;
	int err;

	notes_off = img->pos;
	err = kckpt_write_at(img, img->notes.data, img->notes.len, notes_off);
	if (err)
		return err;
	phoff = ALIGN(notes_off + img->notes.len, 8);
	nphdrs = img->phdrs.len / sizeof(note) + 1;
	if (nphdrs > KCKPT_MAX_PHDRS)
		return -E2BIG;

	note = (struct elf64_phdr) {
		.p_type = PT_NOTE, .p_offset = notes_off,
		.p_filesz = img->notes.len, .p_align = 4,
	};
	err = kckpt_write_at(img, &note, sizeof(note), phoff);
	err = err ?: kckpt_write_at(img, img->phdrs.data, img->phdrs.len,
				    phoff + sizeof(note));
	if (err)
		return err;
	img->pos = phoff + nphdrs * sizeof(note);

	kckpt_fill_ehdr(&eh, phoff, nphdrs);
	return kckpt_write_at(img, &eh, sizeof(eh), 0);
}
