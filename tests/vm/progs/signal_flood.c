// SPDX-License-Identifier: GPL-2.0
/*
 * 5000 queued real-time signals (SIGRTMIN blocked, each with its number
 * in si_value): more than an image holds. After the test's step all of
 * them must still be queued, in order.
 *
 * usage: signal_flood
 */
#include <sys/resource.h>

#include "protocol.h"

#define QUEUED	5000

int main(void)
{
	struct rlimit rl = { QUEUED * 2, QUEUED * 2 };
	union sigval v;
	siginfo_t si;
	sigset_t rt;
	int i;

	proto_init();
	if (setrlimit(RLIMIT_SIGPENDING, &rl))
		proto_fail("cannot raise RLIMIT_SIGPENDING to %d", QUEUED * 2);
	sigemptyset(&rt);
	sigaddset(&rt, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &rt, NULL);
	for (i = 0; i < QUEUED; i++) {
		v.sival_int = i;
		if (sigqueue(getpid(), SIGRTMIN, v))
			proto_fail("sigqueue %d", i);
	}
	proto_ready();
	proto_wait();
	for (i = 0; i < QUEUED; i++) {
		struct timespec none = { 0, 0 };

		if (sigtimedwait(&rt, &si, &none) != SIGRTMIN)
			proto_fail("signal %d of %d is no longer queued", i, QUEUED);
		if (si.si_value.sival_int != i)
			proto_fail("signal %d carries %d", i, si.si_value.sival_int);
	}
	proto_pass("all %d queued signals still there, in order", QUEUED);
}
