// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeps in a function with a known name (for the gdb backtrace test) and
 * counts SIGUSR2 deliveries, so a test can tell it is alive and working.
 * After SIGUSR1 it checks its counter and exits.
 *
 * usage: sleeper [nodump]    (nodump: PR_SET_DUMPABLE 0 first)
 */
#include <sys/prctl.h>

#include "protocol.h"

static volatile sig_atomic_t pings;

static void on_usr2(int sig)
{
	(void)sig;
	pings++;
}

__attribute__((noinline)) void kckpt_test_sleeping_here(void)
{
	while (!proto_go)
		pause();
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_usr2, .sa_flags = SA_RESTART };

	proto_init();
	sigaction(SIGUSR2, &sa, NULL);
	if (argc > 1 && !strcmp(argv[1], "nodump") && prctl(PR_SET_DUMPABLE, 0))
		proto_fail("PR_SET_DUMPABLE failed");
	proto_ready();
	kckpt_test_sleeping_here();
	proto_pass("alive after the checkpoint (%d pings)", (int)pings);
}
