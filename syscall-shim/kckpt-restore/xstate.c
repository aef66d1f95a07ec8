// SPDX-License-Identifier: GPL-2.0
/*
 * The last two steps: segment bases and the extended register state, then
 * FINISH. The module cannot load the current task's FPU/xstate or fs base
 * itself (see DESIGN.md, Kernel facts), so the helper does: arch_prctl()
 * sets fs/gs base (from then on no code may touch %fs - the helper has no
 * TLS and no stack protector), and one asm block runs XRSTOR and the FINISH
 * ioctl back to back, so no compiler-generated code can disturb the loaded
 * registers (the helper is built with -mgeneral-regs-only anyway).
 *
 * NT_X86_XSTATE is the standard (non-compacted) XSAVE layout: the 512-byte
 * legacy area (MXCSR at 24, MXCSR_MASK at 28), the 64-byte header at 512
 * (XSTATE_BV at 512, XCOMP_BV at 520, the rest reserved), components at the
 * offsets CPUID leaf 0xD gives. XRSTOR raises #GP on a bad header, unknown
 * components or reserved MXCSR bits, so all of that is checked first.
 */
#include <asm/prctl.h>
#include <linux/errno.h>

#include "restore.h"
#include "sys.h"
#include "util.h"

#define KR_XSAVE_HDR		512
#define KR_XSAVE_MIN		(KR_XSAVE_HDR + 64)
#define KR_CPUID1_OSXSAVE	(1U << 27)
#define KR_XFEATURE_XTILEDATA	18		/* AMX: needs permission first */

unsigned char kr_xstate[KR_XSTATE_MAX] __attribute__((aligned(64)));

static void kr_cpuid(__u32 leaf, __u32 sub, __u32 r[4])
{
	__asm__ volatile("cpuid"
			 : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(sub));
}

static __u64 kr_xgetbv0(void)
{
	__u32 lo, hi;

	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return ((__u64)hi << 32) | lo;
}

/* This CPU's MXCSR_MASK, from an FXSAVE of our own state. */
static __u32 kr_mxcsr_mask(void)
{
	static unsigned char fx[512] __attribute__((aligned(16)));
	__u32 mask;

	__asm__ volatile("fxsave64 %0" : "=m"(fx));
	memcpy(&mask, fx + 28, sizeof(mask));
	return mask ? mask : 0xFFBF;
}

static __u64 kr_get64(unsigned int off)
{
	__u64 v;

	memcpy(&v, kr_xstate + off, sizeof(v));
	return v;
}

__attribute__((noreturn))
static void kr_xstate_refuse(const struct kr_state *st, __u64 xcr0,
			     const char *why)
{
	kr_die(KR_EXIT_FAILED, "the CPU cannot load this image's register state (xfeatures 0x%llx, this CPU 0x%llx): %s",
	       (unsigned long long)st->begin.xfeatures, (unsigned long long)xcr0, why);
}

void kr_xstate_check(struct kr_state *st)
{
	__u32 len = st->xstate_len, r[4], mxcsr, mask, i;
	__u64 xcr0, bv;
	char why[160];

	if (!len)
		return;
	kr_cpuid(1, 0, r);
	if (!(r[2] & KR_CPUID1_OSXSAVE))
		kr_xstate_refuse(st, 0, "XSAVE is not enabled (no OSXSAVE)");
	xcr0 = kr_xgetbv0();
	if (len < KR_XSAVE_MIN) {
		kr_fmt(why, sizeof(why), "the saved state is only %u bytes", len);
		kr_xstate_refuse(st, xcr0, why);
	}
	bv = kr_get64(KR_XSAVE_HDR);
	if (kr_get64(KR_XSAVE_HDR + 8))
		kr_xstate_refuse(st, xcr0, "the saved state is in compacted format");
	for (i = KR_XSAVE_HDR + 16; i < KR_XSAVE_MIN; i++)
		if (kr_xstate[i])
			kr_xstate_refuse(st, xcr0, "reserved bytes of the XSAVE header are not zero");
	if (bv & ~xcr0) {
		kr_fmt(why, sizeof(why), "components 0x%llx are not enabled here",
		       (unsigned long long)(bv & ~xcr0));
		kr_xstate_refuse(st, xcr0, why);
	}
	for (i = 2; i < 64; i++) {
		if (!(bv & (1ULL << i)))
			continue;
		kr_cpuid(0xd, i, r);	/* eax: size, ebx: standard-format offset */
		if (!r[0] || r[1] < KR_XSAVE_MIN || r[1] + r[0] > len) {
			kr_fmt(why, sizeof(why), "component %u (%u bytes at %u) is outside the %u saved bytes",
			       i, r[0], r[1], len);
			kr_xstate_refuse(st, xcr0, why);
		}
	}
	memcpy(&mxcsr, kr_xstate + 24, sizeof(mxcsr));
	mask = kr_mxcsr_mask();
	if (mxcsr & ~mask) {
		kr_fmt(why, sizeof(why), "MXCSR 0x%x has bits outside this CPU's mask 0x%x",
		       mxcsr, mask);
		kr_xstate_refuse(st, xcr0, why);
	}
	if (bv & (1ULL << KR_XFEATURE_XTILEDATA)) {
		long e = sys_arch_prctl(ARCH_REQ_XCOMP_PERM, KR_XFEATURE_XTILEDATA);

		if (e < 0) {
			kr_fmt(why, sizeof(why), "AMX tile data needs permission: %s",
			       kr_errstr(e));
			kr_xstate_refuse(st, xcr0, why);
		}
	}
}

void kr_set_segment_bases(struct kr_state *st)
{
	long r = sys_arch_prctl(ARCH_SET_GS, st->thread.gs_base);

	if (r < 0)
		kr_die(KR_EXIT_FAILED, "setting the gs base to 0x%llx: %s",
		       (unsigned long long)st->thread.gs_base, kr_errstr(r));
	r = sys_arch_prctl(ARCH_SET_FS, st->thread.fs_base);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "setting the fs base to 0x%llx: %s",
		       (unsigned long long)st->thread.fs_base, kr_errstr(r));
}

/*
 * XRSTOR (every component in XSTATE_BV: EDX:EAX = ~0) and, immediately,
 * ioctl(dev_fd, KCKPT_IOC_RESTORE_FINISH, fin). Returns only when FINISH
 * failed before its point of no return: -errno, fin->reason says why.
 */
long kr_finish(struct kr_state *st, struct kckpt_restore_finish *fin)
{
	register struct kckpt_restore_finish *arg __asm__("r8") = fin;
	const unsigned char *xs = st->xstate_len ? kr_xstate : 0;
	long ret;

	__asm__ volatile(
		"test	%[xs], %[xs]\n\t"
		"jz	1f\n\t"
		"mov	$-1, %%eax\n\t"
		"mov	$-1, %%edx\n\t"
		"xrstor64 (%[xs])\n"
		"1:\n\t"
		"mov	%[fin], %%rdx\n\t"
		"mov	%[nr], %%eax\n\t"
		"syscall"
		: "=a"(ret)
		: [xs] "b"(xs), [fin] "r"(arg), [nr] "i"(__NR_ioctl),
		  "D"((long)st->dev_fd), "S"((long)KCKPT_IOC_RESTORE_FINISH)
		: "rcx", "r11", "rdx", "memory", "cc");
	return ret;
}
