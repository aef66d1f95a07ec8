// SPDX-License-Identifier: GPL-2.0
/*
 * --pid N (checkpt -r --same-pid): the restored process must get pid N.
 * clone3() with set_tid makes a child with that pid (the kernel requires
 * CAP_CHECKPOINT_RESTORE in the pid namespace, and refuses a pid in use);
 * the child goes on restoring. The parent stays what the shell started and
 * mirrors the child: it stops when the child stops (so ^Z and fg work on
 * the job) and exits as the child exits, with its status or its signal.
 * A re-run of the helper (kr_retry) already has pid N and does not clone.
 */
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/wait.h>

#include "restore.h"
#include "sys.h"
#include "util.h"

#define KR_WIFEXITED(s)		(((s) & 0x7f) == 0)
#define KR_WEXITSTATUS(s)	(((s) >> 8) & 0xff)
#define KR_WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define KR_WTERMSIG(s)		((s) & 0x7f)

static long kr_clone_with_pid(int pid)
{
	struct clone_args args = {
		.exit_signal = SIGCHLD,
		.set_tid = (unsigned long)&pid,
		.set_tid_size = 1,
	};

	return sys_clone3(&args, sizeof(args));
}

/* Dies of @sig as the child did (or exits 128 + @sig if it cannot). */
__attribute__((noreturn)) static void kr_die_of(int sig)
{
	struct kckpt_sigaction dfl = { 0 };	/* SIG_DFL */
	__u64 set = 1ULL << (sig - 1);

	sys_rt_sigaction(sig, &dfl, 0);
	sys_rt_sigprocmask(KR_SIG_UNBLOCK, &set, 0);
	sys_kill(sys_getpid(), sig);
	sys_exit_group(128 + sig);
}

__attribute__((noreturn)) static void kr_mirror_child(int child)
{
	int status;
	long r;

	for (;;) {
		r = sys_wait4(child, &status, WUNTRACED, 0);
		if (r == -EINTR)
			continue;
		if (r < 0)
			kr_die(KR_EXIT_FAILED, "waiting for the restored process %d: %s",
			       child, kr_errstr(r));
		if (KR_WIFSTOPPED(status))
			sys_kill(sys_getpid(), SIGSTOP);	/* the job stops */
		else if (KR_WIFEXITED(status))
			sys_exit_group(KR_WEXITSTATUS(status));
		else
			kr_die_of(KR_WTERMSIG(status));
	}
}

void kr_take_pid(struct kr_state *st)
{
	long r;

	if (!st->want_pid || sys_getpid() == st->want_pid)
		return;
	r = kr_clone_with_pid(st->want_pid);
	if (r == 0)
		return;		/* the child: pid @want_pid, restores */
	if (r == -EEXIST)
		kr_die(KR_EXIT_FAILED, "pid %d is in use here: cannot restore with the same pid",
		       st->want_pid);
	if (r == -EPERM)
		kr_die(KR_EXIT_FAILED, "restoring with the same pid (%d) needs CAP_CHECKPOINT_RESTORE (root)",
		       st->want_pid);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "creating a process with pid %d: %s",
		       st->want_pid, kr_errstr(r));
	kr_mirror_child((int)r);
}
