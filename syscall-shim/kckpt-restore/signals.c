// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: everything stays blocked from the first instruction to FINISH
 * (which installs the saved mask); the saved handlers and alternate stack
 * are set, the saved pending signals queued again, ITIMER_REAL rearmed.
 */
#include <linux/errno.h>
#include <linux/signal.h>
#include <linux/time.h>

#include "restore.h"
#include "sys.h"
#include "util.h"

#define KR_SIGKILL	9
#define KR_SIGSTOP	19

struct kckpt_siginfo kr_pending[KR_MAX_PENDING];

void kr_block_all_signals(void)
{
	__u64 all = ~0ULL;
	long r = sys_rt_sigprocmask(KR_SIG_SETMASK, &all, 0);

	if (r < 0)
		kr_die(KR_EXIT_FAILED, "blocking signals: %s", kr_errstr(r));
}

/*
 * Every handler is set, SIG_DFL ones too: execve() kept the SIG_IGN
 * dispositions of `checkpt -r` (the .NET runtime ignores SIGPIPE). Must
 * come before the pending signals are queued: setting SIG_IGN discards
 * pending instances of that signal.
 */
void kr_sigactions_restore(struct kr_state *st)
{
	int sig;

	for (sig = 1; sig <= KCKPT_NSIG; sig++) {
		long r;

		if (sig == KR_SIGKILL || sig == KR_SIGSTOP)
			continue;
		r = sys_rt_sigaction(sig, &st->sigactions[sig - 1], 0);
		if (r < 0)
			kr_die(KR_EXIT_FAILED, "setting the handler of signal %d (handler 0x%llx, flags 0x%llx): %s",
			       sig, (unsigned long long)st->sigactions[sig - 1].handler,
			       (unsigned long long)st->sigactions[sig - 1].flags,
			       kr_errstr(r));
	}
}

void kr_sigaltstack_restore(struct kr_state *st)
{
	struct kr_sigaltstack ss = { .ss_flags = SS_DISABLE };
	long r;

	if (!(st->thread.ss_flags & SS_DISABLE)) {
		ss.ss_sp = st->thread.ss_sp;
		ss.ss_size = st->thread.ss_size;
		/* SS_ONSTACK is a state, not a setting; SS_AUTODISARM is kept */
		ss.ss_flags = (__s32)(st->thread.ss_flags & ~(__u32)SS_ONSTACK);
	}
	r = sys_sigaltstack(&ss);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "setting the alternate signal stack (0x%llx, %llu bytes, flags 0x%x): %s",
		       (unsigned long long)st->thread.ss_sp,
		       (unsigned long long)st->thread.ss_size, st->thread.ss_flags,
		       kr_errstr(r));
}

/*
 * Queued to ourselves with the saved siginfo (sending to oneself may
 * carry any si_code); they stay pending because everything is blocked.
 * SIGKILL and SIGSTOP cannot be blocked: queueing them would kill or stop
 * the helper half-way, so they are not replayed.
 */
void kr_pending_restore(struct kr_state *st)
{
	int pid = (int)sys_getpid(), tid = (int)sys_gettid();
	__u32 i;

	for (i = 0; i < st->nr_pending; i++) {
		struct kckpt_siginfo *q = &kr_pending[i];
		__s32 sig;
		long r;

		memcpy(&sig, q->info, sizeof(sig));	/* si_signo */
		if (sig < 1 || sig > KCKPT_NSIG)
			kr_die(KR_EXIT_FAILED, "pending signal %u of %s has signal number %d",
			       i, st->image_path, sig);
		if (sig == KR_SIGKILL || sig == KR_SIGSTOP)
			continue;
		if (q->queue == KCKPT_SIGQ_THREAD)
			r = sys_rt_tgsigqueueinfo(pid, tid, sig, q->info);
		else if (q->queue == KCKPT_SIGQ_SHARED)
			r = sys_rt_sigqueueinfo(pid, sig, q->info);
		else
			r = -EINVAL;
		if (r < 0)
			kr_die(KR_EXIT_FAILED, "queueing pending signal %d (queue %u): %s",
			       sig, q->queue, kr_errstr(r));
	}
}

static void kr_ns_to_tv(__u64 ns, struct kr_timeval *tv)
{
	tv->sec = (long)(ns / 1000000000ULL);
	tv->usec = (long)((ns % 1000000000ULL + 999) / 1000);	/* never 0 when ns > 0 */
	if (tv->usec == 1000000) {
		tv->sec++;
		tv->usec = 0;
	}
}

void kr_itimer_restore(struct kr_state *st)
{
	struct kr_itimerval v;
	long r;

	kr_ns_to_tv(st->proc.itimer_real_value_ns, &v.value);
	/* a 0 value leaves it disarmed; the interval is kept as setitimer() does */
	kr_ns_to_tv(st->proc.itimer_real_interval_ns, &v.interval);
	r = sys_setitimer(ITIMER_REAL, &v);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "arming ITIMER_REAL: %s", kr_errstr(r));
}
