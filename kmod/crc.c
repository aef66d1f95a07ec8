// SPDX-License-Identifier: GPL-2.0
/*
 * crc32c for images: the SSE4.2 crc32 instruction when the CPU has it (an
 * integer instruction: no FPU state to save), else the kernel's generic
 * __crc32c_le. Raw CRC, no inversion: callers seed with ~0 and invert.
 */
#include <linux/crc32.h>
#include <asm/cpufeature.h>

#include "kckpt.h"

static u32 kckpt_crc32c_sse42(u32 crc, const u8 *p, size_t len)
{
	u64 c = crc;

	for (; len >= 8; p += 8, len -= 8)
		asm("crc32q %1, %0" : "+r"(c) : "rm"(*(const u64 *)p));
	for (; len; p++, len--)
		asm("crc32b %1, %k0" : "+r"(c) : "rm"(*p));
	return c;
}

u32 kckpt_crc32c(u32 crc, const void *p, size_t len)
{
	if (boot_cpu_has(X86_FEATURE_XMM4_2))
		return kckpt_crc32c_sse42(crc, p, len);
	return __crc32c_le(crc, p, len);
}
