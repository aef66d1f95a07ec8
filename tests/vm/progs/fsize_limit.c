// SPDX-License-Identifier: GPL-2.0
/*
 * A process limited to 1 MiB files (RLIMIT_FSIZE) holding 8 MiB of
 * patterned memory: its image is larger than its own limit, which must
 * not apply to the image (nor SIGXFSZ kill it). After the test's step the
 * memory holds its pattern, the limit is still 1 MiB and no SIGXFSZ is
 * pending.
 *
 * usage: fsize_limit
 */
#include <sys/mman.h>
#include <sys/resource.h>

#include "protocol.h"

#define LIMIT	(1UL << 20)
#define MEMORY	(8UL << 20)

int main(void)
{
	struct rlimit rl = { LIMIT, LIMIT };
	sigset_t pending;
	unsigned char *mem;
	long bad;

	proto_init();
	mem = mmap(NULL, MEMORY, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED || setrlimit(RLIMIT_FSIZE, &rl))
		proto_fail("cannot set up 8 MiB under a 1 MiB RLIMIT_FSIZE");
	proto_fill(mem, MEMORY, 7);
	proto_ready();
	proto_wait();
	bad = proto_check(mem, MEMORY, 7);
	if (bad >= 0)
		proto_fail("byte %ld of the memory differs", bad);
	if (getrlimit(RLIMIT_FSIZE, &rl) || rl.rlim_cur != LIMIT || rl.rlim_max != LIMIT)
		proto_fail("RLIMIT_FSIZE is %llu/%llu, not 1 MiB",
			   (unsigned long long)rl.rlim_cur,
			   (unsigned long long)rl.rlim_max);
	if (sigpending(&pending) || sigismember(&pending, SIGXFSZ))
		proto_fail("a SIGXFSZ is pending");
	proto_pass("8 MiB restored under a 1 MiB RLIMIT_FSIZE, the limit kept");
}
