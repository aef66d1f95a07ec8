// SPDX-License-Identifier: GPL-2.0
/*
 * A process under one kind of confinement. After SIGUSR1 it checks that
 * the confinement is still in force (and, for nnp, after a restore too)
 * and that it ran on.
 *
 *   nnp       PR_SET_NO_NEW_PRIVS, which a restore re-applies
 *   seccomp   no_new_privs and a seccomp filter that fails openat() with
 *             EPERM, which a checkpoint must refuse
 *   strict    SECCOMP_MODE_STRICT (read, write, _exit, sigreturn only),
 *             which a checkpoint must refuse
 *   chroot DIR  chroot(DIR) (as root), which a checkpoint must refuse
 *
 * usage: confined nnp|seccomp|strict|chroot DIR
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "protocol.h"

static volatile unsigned long ticks;


static void nnp(void)
{
	proto_must(!prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS");
	proto_ready();
	proto_run_until_told(&ticks);
	if (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 1)
		proto_fail("no_new_privs is %d, expected 1",
			   prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
	proto_pass("no_new_privs is still set");
}

static void deny_openat(void)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_openat, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]), .filter = code };

	proto_must(!prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS");
	proto_must(!syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog), "seccomp filter");
}

static void seccomp_filter(void)
{
	int fd;

	deny_openat();
	fd = open("/", O_RDONLY);
	if (fd >= 0 || errno != EPERM)
		proto_fail("the filter does not deny openat (fd %d, %s)", fd, strerror(errno));
	proto_ready();
	proto_run_until_told(&ticks);
	fd = open("/", O_RDONLY);
	if (fd >= 0 || errno != EPERM)
		proto_fail("the filter is gone: openat gave fd %d (%s)", fd, strerror(errno));
	proto_pass("ran on under its seccomp filter (%lu ticks)", ticks);
}

/* In strict mode only read, write, _exit and rt_sigreturn are allowed. */
static void strict(void)
{
	static const char pass[] = "PASS: ran on in strict seccomp mode\n";
	int hold[2];
	char c;

	proto_must(!pipe(hold), "pipe");
	proto_ready();
	proto_must(!prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT, 0, 0, 0), "SECCOMP_MODE_STRICT");
	/* nothing is written to @hold: read() sleeps until SIGUSR1 */
	while (!proto_go)
		if (read(hold[0], &c, 1) < 0 && errno != EINTR)
			break;
	if (write(1, pass, sizeof(pass) - 1) < 0)
		syscall(SYS_exit, 1);
	syscall(SYS_exit, 0);
}

static void chrooted(const char *dir)
{
	struct stat st;

	proto_must(!chroot(dir) && !chdir("/"), "chroot");
	proto_must(!mkdir("/inside", 0700) && !stat("/inside", &st), "mkdir in the chroot");
	proto_ready();
	proto_run_until_told(&ticks);
	if (stat("/inside", &st))
		proto_fail("/inside is gone: the root changed");
	proto_pass("ran on in its chroot (%lu ticks)", ticks);
}

int main(int argc, char **argv)
{
	proto_init();
	if (argc == 2 && !strcmp(argv[1], "nnp"))
		nnp();
	else if (argc == 2 && !strcmp(argv[1], "seccomp"))
		seccomp_filter();
	else if (argc == 2 && !strcmp(argv[1], "strict"))
		strict();
	else if (argc == 3 && !strcmp(argv[1], "chroot"))
		chrooted(argv[2]);
	proto_fail("usage: confined nnp|seccomp|strict|chroot DIR");
}
