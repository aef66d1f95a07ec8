// SPDX-License-Identifier: GPL-2.0
/*
 * Blocks in one syscall (issued directly, so the syscall number is known):
 * nanosleep, pause, futex wait, poll, or read on its terminal (stdin).
 * Prints "SYSCALL <nr>" and READY just before blocking. After SIGUSR1 the
 * call must have come back the way the kernel promises (EINTR, as the
 * handler has no SA_RESTART), and the program must run on normally.
 *
 * usage: blocked_syscall nanosleep|pause|futex|poll|read-tty
 */
#include <errno.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>

#include "protocol.h"

static long block_once(const char *mode)
{
	static int futex_word;
	struct timespec ts = { .tv_sec = 3600 };
	char c;

	if (!strcmp(mode, "nanosleep"))
		return syscall(SYS_nanosleep, &ts, NULL);
	if (!strcmp(mode, "pause"))
		return syscall(SYS_pause);
	if (!strcmp(mode, "futex"))
		return syscall(SYS_futex, &futex_word, FUTEX_WAIT, 0, NULL, NULL, 0);
	if (!strcmp(mode, "poll"))
		return syscall(SYS_poll, NULL, 0, -1);	/* nothing to wait for */
	if (!strcmp(mode, "read-tty"))
		return syscall(SYS_read, 0, &c, 1);
	proto_fail("unknown mode %s", mode);
}

static int syscall_nr(const char *mode)
{
	if (!strcmp(mode, "nanosleep"))
		return SYS_nanosleep;
	if (!strcmp(mode, "pause"))
		return SYS_pause;
	if (!strcmp(mode, "futex"))
		return SYS_futex;
	if (!strcmp(mode, "poll"))
		return SYS_poll;
	return SYS_read;
}

int main(int argc, char **argv)
{
	long r;

	if (argc != 2)
		proto_fail("usage: blocked_syscall MODE");
	proto_init();
	printf("SYSCALL %d\n", syscall_nr(argv[1]));
	proto_ready();
	r = block_once(argv[1]);
	if (r != -1 || errno != EINTR)
		proto_fail("%s returned %ld (errno %d), expected EINTR", argv[1], r, errno);
	if (!proto_go)
		proto_fail("%s was interrupted before SIGUSR1", argv[1]);
	proto_pass("%s was parked, checkpointed and went on correctly", argv[1]);
}
