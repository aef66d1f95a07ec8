/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel-provided mappings ("[vdso]", "[vvar]", "[vvar_vclock]", ...): the
 * dump records the vdso and vvar by kind, and a restore moves the current
 * process's own to where the image had them. One place says which is which.
 */
#ifndef _KCKPT_SPECIAL_H
#define _KCKPT_SPECIAL_H

#include <linux/mm.h>
#include <linux/string.h>
#include <uapi/kckpt.h>

/* The name a special mapping reports, or NULL for an ordinary one. */
static inline const char *kckpt_special_name(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->name)
		return vma->vm_ops->name(vma);
	return NULL;
}

/* KCKPT_VMA_VDSO, KCKPT_VMA_VVAR, or 0 for any other @name (or none). */
static inline u32 kckpt_special_kind(const char *name)
{
	if (!name)
		return 0;
	if (!strcmp(name, "[vdso]"))
		return KCKPT_VMA_VDSO;
	if (!strncmp(name, "[vvar", 5))
		return KCKPT_VMA_VVAR;
	return 0;
}

#endif /* _KCKPT_SPECIAL_H */
