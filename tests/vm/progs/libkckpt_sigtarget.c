// SPDX-License-Identifier: GPL-2.0
/*
 * A target of checkpoint requests, by its disposition of SIGCKPT:
 *   handler IMAGE  a handler sets a flag; the main loop calls checkpt(IMAGE)
 *                  and prints "CHECKPOINTED" (0) or "RESUMED <code>"
 *   default        SIG_DFL: the module checkpoints it to <comm>.ckpt
 *   ignore         SIG_IGN: nothing happens
 * Then it waits for SIGUSR1 and passes if it is still the process it was.
 * Its stdout is switched to O_APPEND after READY, so that a restored copy
 * appends to the (truncated) output file.
 */
#include <errno.h>
#include <fcntl.h>

#include <kckpt.h>

#include "protocol.h"

static volatile sig_atomic_t requested;

static void on_sigckpt(int sig)
{
	(void)sig;
	requested = 1;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	struct sigaction sa = { .sa_handler = SIG_DFL };
	int sig = kckpt_sigckpt(), sigexit = kckpt_sigckptexit(), r;
	unsigned long canary = 0x5eed1234abcdUL ^ (unsigned long)getpid();
	const unsigned long want = canary;
	sigset_t block, old;

	proto_init();
	if (!strcmp(mode, "handler"))
		sa.sa_handler = on_sigckpt;
	else if (!strcmp(mode, "ignore"))
		sa.sa_handler = SIG_IGN;
	else if (strcmp(mode, "default"))
		proto_fail("usage: libkckpt_sigtarget handler IMAGE|default|ignore");
	if (sigaction(sig, &sa, NULL) || sigaction(sigexit, &sa, NULL))
		proto_fail("sigaction %d/%d: %s", sig, sigexit, strerror(errno));
	proto_ready();
	if (fcntl(1, F_SETFL, fcntl(1, F_GETFL) | O_APPEND))
		proto_fail("O_APPEND on stdout: %s", strerror(errno));

	/* the flags are checked with the signals blocked, then waited for */
	sigemptyset(&block);
	sigaddset(&block, sig);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	while (!proto_go) {
		if (requested) {
			requested = 0;
			r = checkpt(argv[2]);
			if (r < 0)
				proto_fail("checkpt: %s", kckpt_strerror());
			if (r == 0)
				printf("CHECKPOINTED\n");
			else
				printf("RESUMED %d\n", r);
		}
		if (!proto_go)
			sigsuspend(&old);
	}
	if (canary != want)
		proto_fail("memory changed");
	proto_pass("%s: still running, memory intact", mode);
}
