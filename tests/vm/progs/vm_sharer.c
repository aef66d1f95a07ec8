// SPDX-License-Identifier: GPL-2.0
/*
 * A process that shares its memory with another process: a child made by
 * clone(CLONE_VM) without CLONE_THREAD (its own process, the same mm),
 * which could write while the parent's image is written. After the test's
 * step the parent checks that a word the child keeps counting still moves
 * (both ran on).
 *
 * usage: vm_sharer       (READY <parent pid>; the child's pid on "CHILD")
 */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#include "protocol.h"

#define STACK	(64 * 1024)

static volatile unsigned long counter;

static int child(void *unused)
{
	struct timespec t = { 0, 10 * 1000 * 1000 };

	(void)unused;
	for (;;) {
		counter++;
		nanosleep(&t, NULL);
	}
	return 0;
}

int main(void)
{
	struct timespec t = { 0, 50 * 1000 * 1000 };
	unsigned long before;
	char *stack;
	pid_t pid;
	int i;

	proto_init();
	stack = mmap(NULL, STACK, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (stack == MAP_FAILED)
		proto_fail("mmap of the child's stack");
	pid = clone(child, stack + STACK, CLONE_VM | SIGCHLD, NULL);
	if (pid < 0)
		proto_fail("clone(CLONE_VM)");
	printf("CHILD %d\n", pid);
	proto_ready();
	proto_wait();
	before = counter;
	for (i = 0; i < 100 && counter == before; i++)
		nanosleep(&t, NULL);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	if (counter == before)
		proto_fail("the CLONE_VM child stopped counting");
	proto_pass("the memory sharer and its process both ran on");
}
