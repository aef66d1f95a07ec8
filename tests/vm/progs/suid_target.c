// SPDX-License-Identifier: GPL-2.0
/*
 * The setuid-root program of the checkpoint-vs-exec test: the test copies
 * it to a file system without nosuid, makes it root's and mode 4755. It
 * fills a page with a secret pattern (SUID_SECRET_SEED, generated here at
 * run time, so it is in no other program's memory), writes its effective
 * uid as a decimal line to the file STARTED (created under a temporary
 * name and renamed, so it appears complete), and sleeps until it is
 * killed. It holds no pipe: a checkpoint that reaches it is judged by what
 * it is, not refused for an fd.
 *
 * usage: suid_target STARTED [ARG]...    (further arguments are ignored)
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>

#include "protocol.h"
#include "suid_target.h"

int main(int argc, char **argv)
{
	unsigned char *secret = mmap(NULL, SUID_SECRET_LEN, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char line[32], tmp[4096];
	int n, fd;

	if (argc < 2 || secret == MAP_FAILED)
		return 1;
	proto_fill(secret, SUID_SECRET_LEN, SUID_SECRET_SEED);
	n = snprintf(line, sizeof(line), "%d\n", (int)geteuid());
	snprintf(tmp, sizeof(tmp), "%s.tmp", argv[1]);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, line, n) != n || close(fd) || rename(tmp, argv[1]))
		return 1;
	for (;;)
		pause();
}
