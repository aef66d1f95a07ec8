/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The protocol every VM test program follows: set up state, report ready
 * ("READY <pid>" on stdout), wait until the test script signals (SIGUSR1)
 * that the checkpoint/restore step is done, verify, print PASS or FAIL with
 * the reason and exit 0 or 1.
 */
#ifndef KCKPT_TEST_PROTOCOL_H
#define KCKPT_TEST_PROTOCOL_H

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t proto_go;

static void proto_on_usr1(int sig)
{
	(void)sig;
	proto_go = 1;
}

/* Installs the SIGUSR1 handler (no SA_RESTART: blocked calls see EINTR). */
static inline void proto_init(void)
{
	struct sigaction sa = { .sa_handler = proto_on_usr1 };

	setvbuf(stdout, NULL, _IOLBF, 0);
	sigaction(SIGUSR1, &sa, NULL);
}

static inline void proto_ready(void)
{
	printf("READY %d\n", getpid());
	fflush(stdout);
}

/* Sleeps in pause() until SIGUSR1 arrived. */
static inline void proto_wait(void)
{
	while (!proto_go)
		pause();
}

__attribute__((noreturn, format(printf, 1, 2)))
static inline void proto_fail(const char *fmt, ...)
{
	va_list ap;

	printf("FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	exit(1);
}

__attribute__((noreturn, format(printf, 1, 2)))
static inline void proto_pass(const char *fmt, ...)
{
	va_list ap;

	printf("PASS: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	exit(0);
}

/* Fails with @what and errno's message unless @ok. */
static inline void proto_must(int ok, const char *what)
{
	if (!ok)
		proto_fail("%s: %s", what, strerror(errno));
}

/* Counts @ticks until SIGUSR1: the process runs, not just exists. */
static inline void proto_run_until_told(volatile unsigned long *ticks)
{
	while (!proto_go) {
		(*ticks)++;
		usleep(1000);
	}
}

/* The byte pattern of test regions: position- and seed-dependent. */
static inline unsigned char proto_pattern(unsigned int seed, size_t i)
{
	return (unsigned char)(seed * 31 + i * 7 + (i >> 8) + (i >> 16));
}

static inline void proto_fill(void *p, size_t len, unsigned int seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		((unsigned char *)p)[i] = proto_pattern(seed, i);
}

/* Returns the offset of the first wrong byte, or -1 when all match. */
static inline long proto_check(const void *p, size_t len, unsigned int seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (((const unsigned char *)p)[i] != proto_pattern(seed, i))
			return (long)i;
	return -1;
}

#endif /* KCKPT_TEST_PROTOCOL_H */
