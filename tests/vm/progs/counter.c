// SPDX-License-Identifier: GPL-2.0
/*
 * The demo's program: counts on its terminal, one line every half second,
 * with its state in ordinary memory (heap and stack).
 *
 * usage: counter [START]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	long *count = malloc(sizeof(*count));
	struct timespec half = { .tv_nsec = 500000000 };

	*count = argc > 1 ? atol(argv[1]) : 0;
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (;;) {
		printf("counter: %ld\n", (*count)++);
		nanosleep(&half, NULL);
	}
}
