/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Raw x86_64 system calls for kckpt-restore: no libc, no errno. Every
 * wrapper returns what the kernel returns: a result >= 0, or -errno.
 */
#ifndef KR_SYS_H
#define KR_SYS_H

#include <linux/types.h>
#include <asm/unistd.h>

#define KR_IS_ERR(r)	((unsigned long)(r) > -4096UL)

static inline long kr_syscall6(long nr, long a, long b, long c, long d,
			       long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8),
			   "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#define kr_syscall0(n)			kr_syscall6(n, 0, 0, 0, 0, 0, 0)
#define kr_syscall1(n, a)		kr_syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define kr_syscall2(n, a, b)		kr_syscall6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define kr_syscall3(n, a, b, c)		kr_syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define kr_syscall4(n, a, b, c, d)	kr_syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define kr_syscall5(n, a, b, c, d, e)	kr_syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* The kernel's own layouts (x86_64), where no uapi header gives one. */
struct kr_sigaltstack {			/* stack_t */
	__u64 ss_sp;
	__s32 ss_flags;
	__u32 pad;
	__u64 ss_size;
};

struct kr_rlimit64 {
	__u64 cur;
	__u64 max;
};

struct kr_timeval {
	long sec;
	long usec;
};

struct kr_itimerval {
	struct kr_timeval interval;
	struct kr_timeval value;
};

struct stat;
struct kckpt_sigaction;

__attribute__((noreturn)) void sys_exit_group(int status);
long sys_write(int fd, const void *buf, unsigned long len);
long sys_open(const char *path, int flags, int mode);
long sys_close(int fd);
long sys_close_range(unsigned int first, unsigned int last, unsigned int flags);
long sys_dup3(int oldfd, int newfd, int flags);
long sys_fcntl(int fd, int cmd, long arg);
long sys_ioctl(int fd, unsigned long req, void *arg);
long sys_fstat(int fd, struct stat *st);
long sys_lseek(int fd, long off, int whence);
long sys_chdir(const char *path);
long sys_umask(int mask);
long sys_personality(unsigned long persona);
long sys_prctl(int op, unsigned long a, unsigned long b, unsigned long c,
	       unsigned long d);
long sys_prlimit64(int pid, int res, const struct kr_rlimit64 *new_lim,
		   struct kr_rlimit64 *old_lim);
long sys_rt_sigprocmask(int how, const __u64 *set, __u64 *old);
long sys_rt_sigaction(int sig, const struct kckpt_sigaction *act,
		      struct kckpt_sigaction *old);
long sys_sigaltstack(const struct kr_sigaltstack *ss);
long sys_rt_sigqueueinfo(int tgid, int sig, void *info);
long sys_rt_tgsigqueueinfo(int tgid, int tid, int sig, void *info);
long sys_setitimer(int which, const struct kr_itimerval *v);
long sys_getpid(void);
long sys_kill(int pid, int sig);
long sys_wait4(int pid, int *status, int options, void *rusage);
struct clone_args;
long sys_clone3(struct clone_args *args, unsigned long size);
long sys_gettid(void);
long sys_mmap(unsigned long addr, unsigned long len, int prot, int flags,
	      int fd, long off);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_mremap(unsigned long old, unsigned long old_len, unsigned long new_len,
		int flags, unsigned long new_addr);
long sys_mincore(unsigned long addr, unsigned long len, unsigned char *vec);
long sys_arch_prctl(int code, unsigned long arg);
long sys_execve(const char *path, char *const argv[], char *const envp[]);

#endif /* KR_SYS_H */
