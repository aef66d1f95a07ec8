// SPDX-License-Identifier: GPL-2.0
/*
 * An interval ITIMER_REAL that has expired while SIGALRM is blocked: the
 * kernel leaves it unarmed, with SIGALRM pending, and rearms it only when
 * that SIGALRM is dequeued. After the checkpoint/restore the pending
 * SIGALRM must still be there and, once unblocked, the timer must go on
 * firing every 100 ms.
 *
 * usage: itimer_expired
 */
#include <sys/time.h>
#include <time.h>

#include "protocol.h"

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&t, &t))
		;
}

int main(void)
{
	struct itimerval it = { { 0, 100000 }, { 0, 100000 } };
	struct sigaction sa = { .sa_handler = on_alarm };
	sigset_t alrm, pending;

	proto_init();
	sigemptyset(&alrm);
	sigaddset(&alrm, SIGALRM);
	if (sigaction(SIGALRM, &sa, NULL) || sigprocmask(SIG_BLOCK, &alrm, NULL) ||
	    setitimer(ITIMER_REAL, &it, NULL))
		proto_fail("cannot set up the timer");
	sleep_ms(300);		/* expired: SIGALRM pending, timer unarmed */
	sigpending(&pending);
	if (!sigismember(&pending, SIGALRM))
		proto_fail("SIGALRM is not pending before the checkpoint");
	proto_ready();
	proto_wait();

	sigpending(&pending);
	if (!sigismember(&pending, SIGALRM))
		proto_fail("the pending SIGALRM was lost");
	if (getitimer(ITIMER_REAL, &it) || it.it_interval.tv_usec != 100000)
		proto_fail("the timer's interval was lost (%ld us)", (long)it.it_interval.tv_usec);
	sigprocmask(SIG_UNBLOCK, &alrm, NULL);
	sleep_ms(600);
	if (alarms < 3)
		proto_fail("the timer stopped: %d alarms in 600 ms after unblocking", (int)alarms);
	proto_pass("the expired interval timer fired %d times after restore", (int)alarms);
}
