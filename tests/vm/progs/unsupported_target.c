// SPDX-License-Identifier: GPL-2.0
/*
 * Holds one piece of process state a restore could not give back, which a
 * checkpoint must therefore refuse ("accepted means restored"). After
 * SIGUSR1 it checks that the state is still there and that it ran on.
 *
 *   child           a child process (waitpid would find none after restore)
 *   cwd DIR         its working directory DIR (made here) was deleted
 *   posix-timer     an armed timer_create() timer
 *   itimer-virtual  ITIMER_VIRTUAL armed
 *   itimer-prof     ITIMER_PROF armed
 *   flock FILE      an flock() lock on FILE (made here)
 *   posix-lock FILE a POSIX (fcntl F_SETLK) lock on FILE
 *   ofd-lock FILE   an open file description lock (F_OFD_SETLK) on FILE
 *   lease FILE      a read lease (F_SETLEASE) on FILE
 *   sched-batch     the SCHED_BATCH scheduling policy
 *   sched-idle      the SCHED_IDLE scheduling policy
 *   thp-disable     PR_SET_THP_DISABLE
 *
 * usage: unsupported_target MODE [PATH]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

#include "protocol.h"

#define PAGE 4096UL

static volatile unsigned long ticks;


static pid_t child;

static void hold_child(void)
{
	child = fork();
	proto_must(child >= 0, "fork");
	if (child == 0)
		for (;;)
			pause();
}

static void check_child(void)
{
	int status;

	if (waitpid(child, &status, WNOHANG) != 0)
		proto_fail("the child is gone");
	kill(child, SIGKILL);
	proto_must(waitpid(child, &status, 0) == child, "waitpid");
}

static void hold_deleted_cwd(const char *dir)
{
	proto_must(!mkdir(dir, 0700) && !chdir(dir) && !rmdir(dir), "deleted cwd");
}

static void check_deleted_cwd(void)
{
	char buf[4096];

	if (!getcwd(buf, sizeof(buf)) && errno == ENOENT)
		return;
	proto_fail("the working directory is no longer the deleted one");
}

static timer_t timer;

static void hold_posix_timer(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_NONE };
	struct itimerspec its = { .it_value.tv_sec = 3600 };

	proto_must(!syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &timer),
	     "timer_create");
	proto_must(!syscall(SYS_timer_settime, timer, 0, &its, NULL), "timer_settime");
}

static void check_posix_timer(void)
{
	struct itimerspec its;

	proto_must(!syscall(SYS_timer_gettime, timer, &its), "timer_gettime");
	if (!its.it_value.tv_sec && !its.it_value.tv_nsec)
		proto_fail("the POSIX timer is disarmed");
}

static void hold_itimer(int which)
{
	struct itimerval it = { .it_value.tv_sec = 3600 };

	proto_must(!setitimer(which, &it, NULL), "setitimer");
}

static void check_itimer(int which)
{
	struct itimerval it;

	proto_must(!getitimer(which, &it), "getitimer");
	if (!it.it_value.tv_sec && !it.it_value.tv_usec)
		proto_fail("the interval timer is disarmed");
}

static int lock_fd = -1;

static void hold_lock(const char *mode, const char *path)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int flags = strcmp(mode, "lease") ? O_RDWR | O_CREAT : O_RDONLY;

	if (!strcmp(mode, "lease")) {
		/* a read lease needs a file nobody has open for writing */
		int fd = open(path, O_WRONLY | O_CREAT, 0600);

		proto_must(fd >= 0 && !close(fd), "create");
	}
	lock_fd = open(path, flags, 0600);
	proto_must(lock_fd >= 0, "open");
	if (!strcmp(mode, "flock"))
		proto_must(!flock(lock_fd, LOCK_EX), "flock");
	else if (!strcmp(mode, "posix-lock"))
		proto_must(!fcntl(lock_fd, F_SETLK, &fl), "F_SETLK");
	else if (!strcmp(mode, "ofd-lock"))
		proto_must(!fcntl(lock_fd, F_OFD_SETLK, &fl), "F_OFD_SETLK");
	else
		proto_must(!fcntl(lock_fd, F_SETLEASE, F_RDLCK), "F_SETLEASE");
}

static void check_lock(const char *mode)
{
	if (!strcmp(mode, "lease") && fcntl(lock_fd, F_GETLEASE) != F_RDLCK)
		proto_fail("the lease is gone");
}

static void hold_policy(int policy)
{
	struct sched_param sp = { 0 };

	proto_must(!sched_setscheduler(0, policy, &sp), "sched_setscheduler");
}

static void check_policy(int policy)
{
	if (sched_getscheduler(0) != policy)
		proto_fail("the scheduling policy is %d, expected %d",
			   sched_getscheduler(0), policy);
}

static void hold_thp_disable(void)
{
	proto_must(!prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0), "PR_SET_THP_DISABLE");
}

static void check_thp_disable(void)
{
	if (prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) != 1)
		proto_fail("THP is no longer disabled");
}

static int is(const char *mode, const char *name)
{
	return !strcmp(mode, name);
}

static int is_lock(const char *mode)
{
	return is(mode, "flock") || is(mode, "posix-lock") ||
	       is(mode, "ofd-lock") || is(mode, "lease");
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	const char *path = argc > 2 ? argv[2] : NULL;
	int needs_path = is(mode, "cwd") || is_lock(mode);
	unsigned char *p;

	if (argc != 2 + needs_path)
		proto_fail("usage: unsupported_target MODE [PATH]");
	proto_init();
	p = mmap(NULL, 8 * PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	proto_must(p != MAP_FAILED, "mmap");
	proto_fill(p, 8 * PAGE, 13);

	if (is(mode, "child"))
		hold_child();
	else if (is(mode, "cwd"))
		hold_deleted_cwd(path);
	else if (is(mode, "posix-timer"))
		hold_posix_timer();
	else if (is(mode, "itimer-virtual"))
		hold_itimer(ITIMER_VIRTUAL);
	else if (is(mode, "itimer-prof"))
		hold_itimer(ITIMER_PROF);
	else if (is_lock(mode))
		hold_lock(mode, path);
	else if (is(mode, "sched-batch"))
		hold_policy(SCHED_BATCH);
	else if (is(mode, "sched-idle"))
		hold_policy(SCHED_IDLE);
	else if (is(mode, "thp-disable"))
		hold_thp_disable();
	else
		proto_fail("unknown mode %s", mode);

	proto_ready();
	proto_run_until_told(&ticks);

	if (proto_check(p, 8 * PAGE, 13) >= 0)
		proto_fail("memory changed");
	if (is(mode, "child"))
		check_child();
	else if (is(mode, "cwd"))
		check_deleted_cwd();
	else if (is(mode, "posix-timer"))
		check_posix_timer();
	else if (is(mode, "itimer-virtual"))
		check_itimer(ITIMER_VIRTUAL);
	else if (is(mode, "itimer-prof"))
		check_itimer(ITIMER_PROF);
	else if (is_lock(mode))
		check_lock(mode);
	else if (is(mode, "sched-batch"))
		check_policy(SCHED_BATCH);
	else if (is(mode, "sched-idle"))
		check_policy(SCHED_IDLE);
	else
		check_thp_disable();
	proto_pass("%s: ran on untouched (%lu ticks)", mode, ticks);
}
