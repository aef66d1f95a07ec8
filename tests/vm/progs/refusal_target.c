// SPDX-License-Identifier: GPL-2.0
/*
 * Holds one thing KCkpt refuses to checkpoint yet, plus a memory pattern.
 * The test expects the checkpoint to be refused with a reason naming it;
 * after SIGUSR1 this program checks it was left running untouched.
 *
 * usage: refusal_target threads|socket|pipe|eventfd|epoll|hugetlb|pfnmap|
 *                       userfaultfd|io_uring|memfd|traced
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "protocol.h"

#define PAGE 4096UL

static volatile unsigned long ticks;

static void *ticker(void *arg)
{
	(void)arg;
	for (;;) {
		ticks++;
		usleep(1000);
	}
	return NULL;
}

static void must(int ok, const char *what)
{
	if (!ok)
		proto_fail("%s: %s", what, strerror(errno));
}

static void *map(size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = mmap(NULL, len, prot, flags, fd, off);

	must(p != MAP_FAILED, "mmap");
	return p;
}

static void hold_userfaultfd(void)
{
	struct uffdio_api api = { .api = UFFD_API };
	struct uffdio_register reg = { .mode = UFFDIO_REGISTER_MODE_MISSING };
	int fd = syscall(SYS_userfaultfd, O_CLOEXEC);

	must(fd >= 0 && !ioctl(fd, UFFDIO_API, &api), "userfaultfd");
	reg.range.start = (unsigned long)map(PAGE, PROT_READ | PROT_WRITE,
					     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	reg.range.len = PAGE;
	must(!ioctl(fd, UFFDIO_REGISTER, &reg), "UFFDIO_REGISTER");
}

static void hold_memfd_private(void)
{
	int fd = memfd_create("kckpt-test", 0);

	must(fd >= 0 && !ftruncate(fd, PAGE), "memfd");
	map(PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
}

static void hold_pfnmap(void)
{
	int fd = open("/dev/mem", O_RDONLY);

	must(fd >= 0, "open /dev/mem");
	map(PAGE, PROT_READ, MAP_SHARED, fd, 0xF0000);
	close(fd);
}

static void hold(const char *mode)
{
	struct io_uring_params params = { 0 };
	pthread_t t;
	int fds[2];

	if (!strcmp(mode, "threads"))
		must(!pthread_create(&t, NULL, ticker, NULL), "pthread_create");
	else if (!strcmp(mode, "socket"))
		must(!socketpair(AF_UNIX, SOCK_STREAM, 0, fds), "socketpair");
	else if (!strcmp(mode, "pipe"))
		must(!pipe(fds), "pipe");
	else if (!strcmp(mode, "eventfd"))
		must(eventfd(0, 0) >= 0, "eventfd");
	else if (!strcmp(mode, "epoll"))
		must(epoll_create1(0) >= 0, "epoll_create1");
	else if (!strcmp(mode, "hugetlb"))
		map(2UL << 20, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
	else if (!strcmp(mode, "pfnmap"))
		hold_pfnmap();
	else if (!strcmp(mode, "userfaultfd"))
		hold_userfaultfd();
	else if (!strcmp(mode, "io_uring"))
		must(syscall(SYS_io_uring_setup, 4, &params) >= 0, "io_uring_setup");
	else if (!strcmp(mode, "memfd"))
		hold_memfd_private();
	else if (strcmp(mode, "traced"))
		proto_fail("unknown mode %s", mode);
}

/* traced: the parent PTRACE_SEIZEs the child, which is the target. */
static void become_traced_child(void)
{
	int sync[2], status;
	pid_t child;
	char c;

	must(!pipe(sync), "pipe");
	child = fork();
	must(child >= 0, "fork");
	if (child == 0) {
		must(read(sync[0], &c, 1) == 1, "sync");
		close(sync[0]);
		close(sync[1]);
		return;
	}
	must(!ptrace(PTRACE_SEIZE, child, 0, 0), "PTRACE_SEIZE");
	must(write(sync[1], "x", 1) == 1, "sync");
	while (waitpid(child, &status, 0) == child) {
		if (WIFEXITED(status))
			exit(WEXITSTATUS(status));
		if (WIFSIGNALED(status))
			exit(1);
		ptrace(PTRACE_CONT, child, 0, WSTOPSIG(status));
	}
	exit(1);
}

int main(int argc, char **argv)
{
	unsigned char *p;
	unsigned long before;

	if (argc != 2)
		proto_fail("usage: refusal_target MODE");
	proto_init();
	if (!strcmp(argv[1], "traced"))
		become_traced_child();
	p = map(8 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	proto_fill(p, 8 * PAGE, 11);
	hold(argv[1]);
	proto_ready();
	proto_wait();
	if (proto_check(p, 8 * PAGE, 11) >= 0)
		proto_fail("memory changed");
	before = ticks;
	usleep(50000);
	if (!strcmp(argv[1], "threads") && ticks == before)
		proto_fail("the second thread stopped");
	proto_pass("%s: left running untouched", argv[1]);
}
