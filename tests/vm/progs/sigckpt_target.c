// SPDX-License-Identifier: GPL-2.0
/*
 * The target of checkpt -s: sets its disposition of SIGCKPT (the signal
 * number the module's sigckpt parameter says) to a handler, SIG_DFL or
 * SIG_IGN, and counts handler runs. The handler also writes
 * "SIGCKPT <signal>" so a test can see it ran. After SIGUSR1: with a
 * handler, it must have run exactly once; otherwise never (SIG_DFL of a
 * real-time signal would have killed us: the module must checkpoint
 * instead of sending it).
 *
 * usage: sigckpt_target handler|default|ignore
 */
#include "protocol.h"

#define SIGCKPT_PARAM "/sys/module/kckpt/parameters/sigckpt"

static volatile sig_atomic_t ckpt_hits;

static void on_sigckpt(int sig)
{
	static const char digits[] = "0123456789";
	char line[] = "SIGCKPT 00\n";
	ssize_t ignored;

	line[8] = digits[sig / 10 % 10];
	line[9] = digits[sig % 10];
	ckpt_hits++;
	ignored = write(STDOUT_FILENO, line, sizeof(line) - 1);
	(void)ignored;
}

static int read_sigckpt(void)
{
	FILE *f = fopen(SIGCKPT_PARAM, "r");
	int sig = 0;

	if (!f)
		proto_fail("cannot open %s (is kckpt loaded?)", SIGCKPT_PARAM);
	if (fscanf(f, "%d", &sig) != 1 || sig < SIGRTMIN || sig > SIGRTMAX)
		proto_fail("%s does not hold a real-time signal", SIGCKPT_PARAM);
	fclose(f);
	return sig;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_sigckpt };
	const char *mode = argc > 1 ? argv[1] : "";
	int sig, expected = 0;

	proto_init();
	sig = read_sigckpt();
	if (!strcmp(mode, "handler"))
		expected = 1;
	else if (!strcmp(mode, "default"))
		sa.sa_handler = SIG_DFL;
	else if (!strcmp(mode, "ignore"))
		sa.sa_handler = SIG_IGN;
	else
		proto_fail("usage: sigckpt_target handler|default|ignore");
	if (sigaction(sig, &sa, NULL))
		proto_fail("sigaction(%d) failed", sig);
	proto_ready();
	proto_wait();
	if (ckpt_hits != expected)
		proto_fail("%s: the SIGCKPT handler ran %d times, expected %d",
			   mode, (int)ckpt_hits, expected);
	proto_pass("%s: the SIGCKPT handler ran %d times", mode, (int)ckpt_hits);
}
