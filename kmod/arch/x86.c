// SPDX-License-Identifier: GPL-2.0
/*
 * x86-64: registers, eflags, XCR0 and the syscall-restart convention
 * (ax carries the result, orig_ax the call, `syscall` is two bytes long).
 */
#include <linux/ptrace.h>
#include <linux/sched/task_stack.h>
#include <asm/fpu/xcr.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>

#include "arch/arch.h"

/* the flags a user program may change (as sigreturn allows) */
#define KCKPT_USER_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | \
				 X86_EFLAGS_TF | X86_EFLAGS_SF | X86_EFLAGS_ZF | \
				 X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | \
				 X86_EFLAGS_RF)

/* the length of the `syscall` instruction, which a restart executes again */
#define KCKPT_SYSCALL_INSN_LEN	2

u64 kckpt_arch_xfeatures(void)
{
	return boot_cpu_has(X86_FEATURE_OSXSAVE) ?
	       xgetbv(XCR_XFEATURE_ENABLED_MASK) : 0;
}

long kckpt_arch_take_syscall(struct user_regs_struct *r)
{
	long nr = (long)r->orig_ax;

	r->orig_ax = -1;
	return nr;
}

long kckpt_arch_syscall_ret(const struct user_regs_struct *r)
{
	return (long)r->ax;
}

void kckpt_arch_set_syscall_ret(struct user_regs_struct *r, long ret)
{
	r->ax = ret;
}

void kckpt_arch_reissue_syscall(struct user_regs_struct *r, long nr)
{
	r->ax = nr;
	r->ip -= KCKPT_SYSCALL_INSN_LEN;
}

unsigned long kckpt_arch_ip(const struct user_regs_struct *r)
{
	return r->ip;
}

void kckpt_arch_set_ip(struct user_regs_struct *r, unsigned long ip)
{
	r->ip = ip;
}

void kckpt_arch_tls(const struct user_regs_struct *r, u64 *fs, u64 *gs)
{
	*fs = r->fs_base;
	*gs = r->gs_base;
}

bool kckpt_arch_regs_in_user(const struct user_regs_struct *r)
{
	return r->ip < TASK_SIZE_MAX && r->sp < TASK_SIZE_MAX;
}

void kckpt_arch_set_user_regs(const struct user_regs_struct *u)
{
	struct pt_regs *regs = current_pt_regs();

	regs->r15 = u->r15;
	regs->r14 = u->r14;
	regs->r13 = u->r13;
	regs->r12 = u->r12;
	regs->bp = u->bp;
	regs->bx = u->bx;
	regs->r11 = u->r11;
	regs->r10 = u->r10;
	regs->r9 = u->r9;
	regs->r8 = u->r8;
	regs->cx = u->cx;
	regs->dx = u->dx;
	regs->si = u->si;
	regs->di = u->di;
	regs->ip = u->ip;
	regs->sp = u->sp;
	regs->flags = (regs->flags & ~KCKPT_USER_EFLAGS) |
		      (u->flags & KCKPT_USER_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_ax = -1;	/* no syscall restart on the way out */
}

void kckpt_arch_set_return(unsigned long ret)
{
	current_pt_regs()->ax = ret;
}
