// SPDX-License-Identifier: GPL-2.0
/*
 * The process the benchmark checkpoints: maps MIB MiB of private anonymous
 * memory, writes non-zero data to every byte of every page (so every page
 * is populated and none is the zero page), prints "READY <pid> <bytes>" on
 * stdout and waits in pause() until killed.
 *
 * It runs in a session of its own (criu needs the session leader inside
 * the dumped tree). With RESERVE_MIB it also maps that much PROT_NONE,
 * MAP_NORESERVE memory that is never touched, as language runtimes (.NET,
 * Go, the JVM) reserve address space: a checkpoint should cost nothing for
 * it.
 *
 * With KCKPT_BENCH_FIFO=PATH in the environment it answers signals on that
 * FIFO (opened afresh for every answer, so no descriptor of it needs to
 * survive a checkpoint): SIGUSR1 -> "BACK <pid>" at once (the restore
 * benchmark's stop-watch); SIGUSR2 -> checks every word of its memory and
 * answers "OK <bytes>" or "BAD <word index>". A restored target that says
 * OK really has its memory back.
 *
 * usage: bench_target MIB [RESERVE_MIB]
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PATTERN(i)	(((i) * 0x9e3779b97f4a7c15ULL) | 1)

static char fifo[256];
static uint64_t *words;
static size_t nwords;

/* async-signal-safe: open, write, close, no stdio */
static void answer(const char *what, unsigned long long v)
{
	char buf[64], num[24];
	int fd, k = 0, len;

	if (!fifo[0])
		return;
	do
		num[k++] = '0' + v % 10;
	while ((v /= 10) && k < 23);
	len = strlen(what);
	memcpy(buf, what, len);
	buf[len++] = ' ';
	while (k)
		buf[len++] = num[--k];
	buf[len++] = '\n';
	fd = open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return;
	if (write(fd, buf, len) < 0) {
		/* nobody listens: nothing to do */
	}
	close(fd);
}

static void on_usr1(int sig)
{
	(void)sig;
	answer("BACK", getpid());
}

static void on_usr2(int sig)
{
	size_t i;

	(void)sig;
	for (i = 0; i < nwords; i++)
		if (words[i] != PATTERN(i)) {
			answer("BAD", i);
			return;
		}
	answer("OK", nwords * sizeof(*words));
}

static void *map_or_die(size_t len, int prot, int flags)
{
	void *p = mmap(NULL, len, prot, flags | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("bench_target: mmap");
		exit(1);
	}
	return p;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_flags = SA_RESTART };
	size_t mib, reserve = 0, len, i;
	const char *f = getenv("KCKPT_BENCH_FIFO");

	if (argc < 2 || argc > 3 || (mib = strtoul(argv[1], NULL, 0)) == 0) {
		fprintf(stderr, "usage: bench_target MIB [RESERVE_MIB]\n");
		return 2;
	}
	if (argc == 3)
		reserve = strtoul(argv[2], NULL, 0);
	/*
	 * Its own session: the guest's init never calls setsid(), so every
	 * process inherits session 0, which criu refuses to dump.
	 */
	setsid();
	len = mib << 20;
	words = map_or_die(len, PROT_READ | PROT_WRITE, 0);
	nwords = len / sizeof(*words);
	/* position-dependent, never zero: no page compresses to the zero page */
	for (i = 0; i < nwords; i++)
		words[i] = PATTERN(i);
	if (reserve)
		map_or_die(reserve << 20, PROT_NONE, MAP_NORESERVE);

	if (f && strlen(f) < sizeof(fifo)) {
		strcpy(fifo, f);
		sa.sa_handler = on_usr1;
		sigaction(SIGUSR1, &sa, NULL);
		sa.sa_handler = on_usr2;
		sigaction(SIGUSR2, &sa, NULL);
	}
	printf("READY %d %zu\n", (int)getpid(), len);
	fflush(stdout);
	for (;;)
		pause();
}
