// SPDX-License-Identifier: GPL-2.0
/*
 * checkpt()-style self-checkpoint through the raw ioctl: the first run
 * prints "CHECKPOINTED" when the call returns 0 and exits; a process
 * restored from the image sees the resume code instead and prints
 * "RESUMED <code>", then PASS when it is the expected one.
 *
 * usage: self_resume IMAGE EXPECTED-CODE
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>

#include <uapi/kckpt.h>

#include "protocol.h"

int main(int argc, char **argv)
{
	struct kckpt_checkpoint arg = {
		.size = sizeof(arg), .pid = KCKPT_PID_SELF, .resume_code = 42,
		.proof_fd = -1,
	};
	long code;
	int dev;

	if (argc != 3)
		proto_fail("usage: self_resume IMAGE EXPECTED-CODE");
	setvbuf(stdout, NULL, _IOLBF, 0);
	dev = open(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	arg.image_fd = open(argv[1], O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
	if (dev < 0 || arg.image_fd < 0)
		proto_fail("cannot open the device or the image: %s", strerror(errno));
	code = ioctl(dev, KCKPT_IOC_CHECKPOINT, &arg);
	if (code < 0)
		proto_fail("checkpoint failed: %s: %s", strerror(errno), arg.reason);
	if (code == 0) {
		printf("CHECKPOINTED\n");
		return 0;
	}
	printf("RESUMED %ld\n", code);
	if (code != atol(argv[2]))
		proto_fail("resumed with %ld, expected %s", code, argv[2]);
	proto_pass("the checkpoint call returned 0, then %ld after restore", code);
}
