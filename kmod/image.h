/* SPDX-License-Identifier: GPL-2.0 */
/* The ELF core image writer of kckpt.ko (see uapi/kckpt.h for the layout). */
#ifndef _KCKPT_IMAGE_H
#define _KCKPT_IMAGE_H

#include <linux/types.h>

struct file;

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
	loff_t pos;		/* end of the data written so far */
	struct kckpt_buf notes;	/* the PT_NOTE segment being built */
	struct kckpt_buf phdrs;	/* Elf64_Phdr[] */
	struct kckpt_buf segs;	/* struct kckpt_segment[] */
	u8 *io;			/* staging buffer for page data */
	size_t io_len;
	u64 memory_bytes;	/* page bytes saved */
	/* the VMA being written and its open data segment */
	u64 vma_cursor;		/* first address not yet covered by a phdr */
	u32 vma_pflags;		/* PF_* of the VMA */
	bool seg_open;
	u64 seg_vaddr;
	u64 seg_offset;
	u64 seg_size;
	u32 seg_crc;
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
int kckpt_image_add_page(struct kckpt_image *img, u64 vaddr, const void *src);
int kckpt_image_vma_end(struct kckpt_image *img, u64 end);

int kckpt_image_finish(struct kckpt_image *img);

#endif /* _KCKPT_IMAGE_H */
