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
 * usage: bench_target MIB [RESERVE_MIB]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

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
	size_t mib, reserve = 0, len, n, i;
	uint64_t *words;

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
	n = len / sizeof(*words);
	/* position-dependent, never zero: no page compresses to the zero page */
	for (i = 0; i < n; i++)
		words[i] = (i * 0x9e3779b97f4a7c15ULL) | 1;
	if (reserve)
		map_or_die(reserve << 20, PROT_NONE, MAP_NORESERVE);

	printf("READY %d %zu\n", (int)getpid(), len);
	fflush(stdout);
	for (;;)
		pause();
}
