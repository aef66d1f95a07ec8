// SPDX-License-Identifier: GPL-2.0
/*
 * The raw kernel path of a checkpoint, without the CLI: opens /dev/kckpt,
 * creates IMAGE (O_EXCL, 0600, empty), opens /proc/PID/mem as the proof of
 * ptrace rights and calls KCKPT_IOC_CHECKPOINT once; the target runs on.
 * Times the ioctl alone with CLOCK_MONOTONIC and prints one line:
 *
 *   ok ioctl_s=1.234567 image_bytes=N memory_bytes=N
 *   error errno=NAME ioctl_s=... reason=...        (exit status 1)
 *
 * usage: bench_ckpt PID IMAGE
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <uapi/kckpt.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int open_or_die(const char *path, int flags, mode_t mode)
{
	int fd = open(path, flags, mode);

	if (fd < 0) {
		printf("error errno=%s ioctl_s=0 reason=cannot open %s\n",
		       strerrorname_np(errno), path);
		exit(1);
	}
	return fd;
}

int main(int argc, char **argv)
{
	struct kckpt_checkpoint a = { .size = sizeof(a) };
	char proof[64];
	double t0, t1;
	int dev, rc, err;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_ckpt PID IMAGE\n");
		return 2;
	}
	a.pid = atoi(argv[1]);
	snprintf(proof, sizeof(proof), "/proc/%d/mem", a.pid);
	dev = open_or_die(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC, 0);
	a.image_fd = open_or_die(argv[2], O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	a.proof_fd = open_or_die(proof, O_RDONLY | O_CLOEXEC, 0);
	a.timeout_ms = 60000;

	t0 = now();
	rc = ioctl(dev, KCKPT_IOC_CHECKPOINT, &a);
	err = errno;
	t1 = now();
	if (rc) {
		printf("error errno=%s ioctl_s=%.6f reason=%s\n",
		       strerrorname_np(err), t1 - t0, a.reason);
		return 1;
	}
	printf("ok ioctl_s=%.6f image_bytes=%llu memory_bytes=%llu\n", t1 - t0,
	       (unsigned long long)a.image_bytes,
	       (unsigned long long)a.memory_bytes);
	return 0;
}
