/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What depends on the CPU architecture (x86-64, the only one today): the
 * register set as the image holds it (struct user_regs_struct, as in
 * NT_PRSTATUS), the syscall-restart convention, the user-changeable flags
 * and the enabled vector-state features. Generic code reads and writes
 * saved registers only through these.
 */
#ifndef KCKPT_ARCH_H
#define KCKPT_ARCH_H

#include <linux/types.h>
#include <asm/user.h>

/* The vector-state features the CPU has enabled (XCR0), 0 without XSAVE. */
u64 kckpt_arch_xfeatures(void);

/* The syscall a parked register set was in (-1 for none); clears it. */
long kckpt_arch_take_syscall(struct user_regs_struct *r);

/* The syscall's return value (-ERESTART* while it is being restarted). */
long kckpt_arch_syscall_ret(const struct user_regs_struct *r);
void kckpt_arch_set_syscall_ret(struct user_regs_struct *r, long ret);

/* Back up over the syscall instruction so that call @nr is made again. */
void kckpt_arch_reissue_syscall(struct user_regs_struct *r, long nr);

unsigned long kckpt_arch_ip(const struct user_regs_struct *r);
void kckpt_arch_set_ip(struct user_regs_struct *r, unsigned long ip);

/* The thread-pointer bases (fs, gs) a register set holds. */
void kckpt_arch_tls(const struct user_regs_struct *r, u64 *fs, u64 *gs);

/* Are ip and sp user addresses? (what an image's registers must be) */
bool kckpt_arch_regs_in_user(const struct user_regs_struct *r);

/*
 * The current task returns to user mode with @u: only what a user program
 * may set itself (as sigreturn allows: no privileged flags, the user code
 * and stack segments) and no syscall restart on the way out.
 */
void kckpt_arch_set_user_regs(const struct user_regs_struct *u);

/* The value the current task sees as its syscall's result. */
void kckpt_arch_set_return(unsigned long ret);

#endif
