// SPDX-License-Identifier: GPL-2.0
/*
 * One KCKPT_IOC_CHECKPOINT of another process, as a caller of the raw
 * ioctl makes it: the image created at PATH (KCKPT_CKPT_CREATE), the
 * target left running, with or without the proof of ptrace rights (an
 * open /proc/PID/mem).
 *
 * usage: raw_checkpoint PID PATH proof|noproof
 * Prints "CHECKPOINTED <bytes>" and exits 0, or "REFUSED <errno>: <reason>"
 * and exits 5.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <uapi/kckpt.h>

#include "protocol.h"

int main(int argc, char **argv)
{
	struct kckpt_checkpoint arg = { .size = sizeof(arg) };
	char proof_path[64];
	int dev, e;

	if (argc != 4)
		proto_fail("usage: raw_checkpoint PID PATH proof|noproof");
	arg.pid = atoi(argv[1]);
	arg.flags = KCKPT_CKPT_CREATE;
	arg.image_fd = -1;
	arg.image_path = (uintptr_t)argv[2];
	arg.proof_fd = -1;
	if (!strcmp(argv[3], "proof")) {
		snprintf(proof_path, sizeof(proof_path), "/proc/%d/mem", arg.pid);
		arg.proof_fd = open(proof_path, O_RDONLY | O_CLOEXEC);
		if (arg.proof_fd < 0)
			proto_fail("open %s: %s", proof_path, strerror(errno));
	}
	dev = open("/dev/kckpt", O_RDWR | O_CLOEXEC);
	if (dev < 0)
		proto_fail("open /dev/kckpt: %s", strerror(errno));
	if (ioctl(dev, KCKPT_IOC_CHECKPOINT, &arg)) {
		e = errno;
		arg.reason[KCKPT_REASON_LEN - 1] = '\0';
		printf("REFUSED %d: %s\n", e, arg.reason);
		return 5;
	}
	printf("CHECKPOINTED %llu\n", (unsigned long long)arg.image_bytes);
	return 0;
}
