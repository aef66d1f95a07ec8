// SPDX-License-Identifier: GPL-2.0
/* Named wrappers around the raw x86_64 syscall instruction (sys.h). */
#include <asm/stat.h>
#include <uapi/kckpt.h>

#include "sys.h"

void sys_exit_group(int status)
{
	for (;;)
		kr_syscall1(__NR_exit_group, status);
}

long sys_write(int fd, const void *buf, unsigned long len)
{
	return kr_syscall3(__NR_write, fd, buf, len);
}

long sys_open(const char *path, int flags, int mode)
{
	return kr_syscall3(__NR_open, path, flags, mode);
}

long sys_close(int fd)
{
	return kr_syscall1(__NR_close, fd);
}

long sys_close_range(unsigned int first, unsigned int last, unsigned int flags)
{
	return kr_syscall3(__NR_close_range, first, last, flags);
}

long sys_dup3(int oldfd, int newfd, int flags)
{
	return kr_syscall3(__NR_dup3, oldfd, newfd, flags);
}

long sys_fcntl(int fd, int cmd, long arg)
{
	return kr_syscall3(__NR_fcntl, fd, cmd, arg);
}

long sys_ioctl(int fd, unsigned long req, void *arg)
{
	return kr_syscall3(__NR_ioctl, fd, req, arg);
}

long sys_fstat(int fd, struct stat *st)
{
	return kr_syscall2(__NR_fstat, fd, st);
}

long sys_lseek(int fd, long off, int whence)
{
	return kr_syscall3(__NR_lseek, fd, off, whence);
}

long sys_chdir(const char *path)
{
	return kr_syscall1(__NR_chdir, path);
}

long sys_umask(int mask)
{
	return kr_syscall1(__NR_umask, mask);
}

long sys_personality(unsigned long persona)
{
	return kr_syscall1(__NR_personality, persona);
}

long sys_prctl(int op, unsigned long a, unsigned long b, unsigned long c,
	       unsigned long d)
{
	return kr_syscall5(__NR_prctl, op, a, b, c, d);
}

long sys_prlimit64(int pid, int res, const struct kr_rlimit64 *new_lim,
		   struct kr_rlimit64 *old_lim)
{
	return kr_syscall4(__NR_prlimit64, pid, res, new_lim, old_lim);
}

long sys_rt_sigprocmask(int how, const __u64 *set, __u64 *old)
{
	return kr_syscall4(__NR_rt_sigprocmask, how, set, old, sizeof(__u64));
}

/* struct kckpt_sigaction is the x86_64 kernel's struct sigaction. */
long sys_rt_sigaction(int sig, const struct kckpt_sigaction *act,
		      struct kckpt_sigaction *old)
{
	return kr_syscall4(__NR_rt_sigaction, sig, act, old, sizeof(__u64));
}

long sys_sigaltstack(const struct kr_sigaltstack *ss)
{
	return kr_syscall2(__NR_sigaltstack, ss, 0);
}

long sys_rt_sigqueueinfo(int tgid, int sig, void *info)
{
	return kr_syscall3(__NR_rt_sigqueueinfo, tgid, sig, info);
}

long sys_rt_tgsigqueueinfo(int tgid, int tid, int sig, void *info)
{
	return kr_syscall4(__NR_rt_tgsigqueueinfo, tgid, tid, sig, info);
}

long sys_setitimer(int which, const struct kr_itimerval *v)
{
	return kr_syscall3(__NR_setitimer, which, v, 0);
}

long sys_getpid(void)
{
	return kr_syscall0(__NR_getpid);
}

long sys_kill(int pid, int sig)
{
	return kr_syscall2(__NR_kill, pid, sig);
}

long sys_wait4(int pid, int *status, int options, void *rusage)
{
	return kr_syscall4(__NR_wait4, pid, status, options, rusage);
}

/* Without CLONE_VM or a stack: like fork, the child returns here too. */
long sys_clone3(struct clone_args *args, unsigned long size)
{
	return kr_syscall2(__NR_clone3, args, size);
}

long sys_gettid(void)
{
	return kr_syscall0(__NR_gettid);
}

long sys_mmap(unsigned long addr, unsigned long len, int prot, int flags,
	      int fd, long off)
{
	return kr_syscall6(__NR_mmap, addr, len, prot, flags, fd, off);
}

long sys_munmap(unsigned long addr, unsigned long len)
{
	return kr_syscall2(__NR_munmap, addr, len);
}

long sys_mremap(unsigned long old, unsigned long old_len, unsigned long new_len,
		int flags, unsigned long new_addr)
{
	return kr_syscall5(__NR_mremap, old, old_len, new_len, flags, new_addr);
}

long sys_mincore(unsigned long addr, unsigned long len, unsigned char *vec)
{
	return kr_syscall3(__NR_mincore, addr, len, vec);
}

long sys_arch_prctl(int code, unsigned long arg)
{
	return kr_syscall2(__NR_arch_prctl, code, arg);
}

long sys_execve(const char *path, char *const argv[], char *const envp[])
{
	return kr_syscall3(__NR_execve, path, argv, envp);
}
