/* SPDX-License-Identifier: GPL-2.0 */
/* The ELF core image writer of kckpt.ko (see uapi/kckpt.h for the layout). */
#ifndef _KCKPT_IMAGE_H
#define _KCKPT_IMAGE_H

#include <linux/types.h>

#include "core/crc.h"
#include "core/direct_io.h"

struct bio_vec;
struct file;
struct page;

/* Pages written per call: the dump pins this many at a time. */
#define KCKPT_WRITE_BATCH	512

/* A growable kernel buffer. */
struct kckpt_buf {
	u8 *data;
	size_t len;
	size_t cap;
};

int kckpt_buf_append(struct kckpt_buf *b, const void *p, size_t n);
void kckpt_buf_free(struct kckpt_buf *b);

struct kckpt_image {
	struct file *file;
	struct kckpt_dio io;	/* page data, direct I/O where possible */
	loff_t pos;		/* end of the data written so far */
	struct kckpt_buf notes;	/* the PT_NOTE segment being built */
	struct kckpt_buf phdrs;	/* Elf64_Phdr[] */
	struct kckpt_buf segs;	/* struct kckpt_segment[] */
	struct bio_vec *bvec;	/* KCKPT_WRITE_BATCH pages being written */
	u64 memory_bytes;	/* page bytes saved */
	/* the VMA being written and its open data segment */
	u64 vma_cursor;		/* first address not yet covered by a phdr */
	u32 vma_pflags;		/* PF_* of the VMA */
	bool seg_open;
	u64 seg_vaddr;
	u64 seg_offset;
	u64 seg_size;
	u32 seg_crc;
	struct kckpt_crc_job crc_job;
};

int kckpt_image_init(struct kckpt_image *img, struct file *file);
void kckpt_image_destroy(struct kckpt_image *img);

int kckpt_note_add(struct kckpt_image *img, const char *name, u32 type,
		   const void *desc, size_t len);
/* A note whose descriptor is @hdr followed by @tail1 and @tail2. */
int kckpt_note_add3(struct kckpt_image *img, const char *name, u32 type,
		    const void *hdr, size_t hdr_len, const void *tail1,
		    size_t len1, const void *tail2, size_t len2);

int kckpt_image_vma_begin(struct kckpt_image *img, u64 start, u32 prot);
/* Saves @n pages mapped at @vaddr...: written straight from the pages. */
int kckpt_image_add_pages(struct kckpt_image *img, u64 vaddr,
			  struct page **pages, unsigned int n);
int kckpt_image_vma_end(struct kckpt_image *img, u64 end);

int kckpt_image_finish(struct kckpt_image *img);

#endif /* _KCKPT_IMAGE_H */
