// SPDX-License-Identifier: GPL-2.0
/*
 * Checkpoints itself through the raw ioctl with resume code 42: the call
 * must return 0 and leave a complete image; the image's saved registers
 * hold 42 as the ioctl's return value (checked from outside with gdb).
 *
 * usage: self_checkpoint IMAGE
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <uapi/kckpt.h>

#include "protocol.h"

int main(int argc, char **argv)
{
	struct kckpt_checkpoint arg = {
		.size = sizeof(arg), .pid = KCKPT_PID_SELF, .resume_code = 42,
		.proof_fd = -1,
	};
	struct stat st;
	int dev, r;

	if (argc != 2)
		proto_fail("usage: self_checkpoint IMAGE");
	proto_init();
	dev = open(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	arg.image_fd = open(argv[1], O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
	if (dev < 0 || arg.image_fd < 0)
		proto_fail("cannot open the device or the image: %s", strerror(errno));
	r = ioctl(dev, KCKPT_IOC_CHECKPOINT, &arg);
	if (r != 0)
		proto_fail("self checkpoint returned %d (%s): %s", r, strerror(errno), arg.reason);
	if (fstat(arg.image_fd, &st) || (unsigned long long)st.st_size != arg.image_bytes)
		proto_fail("image size %lld, the ioctl reported %llu", (long long)st.st_size,
			   (unsigned long long)arg.image_bytes);
	if ((st.st_mode & 0777) != 0600)
		proto_fail("image mode %o, expected 600", st.st_mode & 0777);
	proto_pass("self checkpoint returned 0 and wrote %llu bytes",
		   (unsigned long long)arg.image_bytes);
}
