// SPDX-License-Identifier: GPL-2.0
/*
 * A checkpoint request through the raw KCKPT_IOC_REQUEST (what
 * `checkpt -s PID` does): prints "ACTION signalled|checkpointed PATH|ignored",
 * or "ERROR <errno text>: <reason>" and exits 1.
 *
 * usage: libkckpt_request PID [exit]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <uapi/kckpt.h>

int main(int argc, char **argv)
{
	struct kckpt_request req = { .size = sizeof(req), .proof_fd = -1 };
	char mem[64];
	int dev;

	if (argc < 2) {
		fprintf(stderr, "usage: libkckpt_request PID [exit]\n");
		return 2;
	}
	req.pid = atoi(argv[1]);
	if (argc > 2 && !strcmp(argv[2], "exit"))
		req.flags = KCKPT_REQ_EXIT;
	snprintf(mem, sizeof(mem), "/proc/%d/mem", req.pid);
	req.proof_fd = open(mem, O_RDONLY | O_CLOEXEC);
	dev = open(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	if (dev < 0 || ioctl(dev, KCKPT_IOC_REQUEST, &req) < 0) {
		printf("ERROR %s: %s\n", strerror(errno), dev < 0 ? "" : req.reason);
		return 1;
	}
	switch (req.action) {
	case KCKPT_ACT_SIGNALLED:
		printf("ACTION signalled\n");
		break;
	case KCKPT_ACT_CHECKPOINTED:
		printf("ACTION checkpointed %s\n", req.path);
		break;
	case KCKPT_ACT_IGNORED:
		printf("ACTION ignored\n");
		break;
	default:
		printf("ACTION unknown %u\n", req.action);
		return 1;
	}
	return 0;
}
