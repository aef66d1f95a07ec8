// SPDX-License-Identifier: GPL-2.0
/*
 * Checkpoints a child that holds MIB MiB of touched memory into PATH with
 * KCKPT_CKPT_CREATE, while a second thread watches the request's
 * image_bytes: the module must show the bytes written so far while it
 * writes (some value between 0 and the final size is seen), and the image
 * must be in place, complete, when the call returns.
 * Usage: checkpoint_progress PATH MIB. Prints PASS or FAIL with the reason.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <uapi/kckpt.h>

#include "protocol.h"

static struct kckpt_checkpoint arg;
static int done;
static uint64_t seen_between;

static void *watch(void *unused)
{
	(void)unused;
	while (!__atomic_load_n(&done, __ATOMIC_ACQUIRE)) {
		uint64_t v = __atomic_load_n(&arg.image_bytes, __ATOMIC_RELAXED);

		if (v && !seen_between)
			seen_between = v;
		usleep(2000);
	}
	return NULL;
}

static pid_t start_child(size_t mib)
{
	int ready[2];
	char c = 0;
	pid_t pid;

	if (pipe(ready))
		return -1;
	pid = fork();
	if (pid == 0) {
		size_t len = mib << 20;
		char *mem = malloc(len);

		if (!mem)
			_exit(1);
		for (size_t i = 0; i < len; i += 4096)
			mem[i] = (char)(i >> 12) | 1;
		if (write(ready[1], &c, 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	if (pid > 0 && read(ready[0], &c, 1) != 1)
		pid = -1;
	close(ready[0]);
	close(ready[1]);
	return pid;
}

int main(int argc, char **argv)
{
	char proof_path[64];
	pthread_t watcher;
	struct stat st;
	int dev, proof, r, e;
	pid_t child;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 3)
		proto_fail("usage: checkpoint_progress PATH MIB");
	child = start_child(strtoul(argv[2], NULL, 0));
	if (child < 0)
		proto_fail("cannot start the child");
	snprintf(proof_path, sizeof(proof_path), "/proc/%d/mem", child);
	proof = open(proof_path, O_RDONLY | O_CLOEXEC);
	dev = open(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	if (proof < 0 || dev < 0)
		proto_fail("cannot open %s or %s: %s", proof_path, KCKPT_DEVICE_PATH, strerror(errno));

	arg.size = sizeof(arg);
	arg.flags = KCKPT_CKPT_CREATE | KCKPT_CKPT_KILL;
	arg.pid = child;
	arg.image_fd = -1;
	arg.proof_fd = proof;
	arg.image_path = (uintptr_t)argv[1];
	pthread_create(&watcher, NULL, watch, NULL);
	r = ioctl(dev, KCKPT_IOC_CHECKPOINT, &arg);
	e = errno;
	__atomic_store_n(&done, 1, __ATOMIC_RELEASE);
	pthread_join(watcher, NULL);
	waitpid(child, NULL, 0);
	if (r < 0)
		proto_fail("KCKPT_IOC_CHECKPOINT: %s: %s", strerror(e), arg.reason);
	printf("image %llu bytes, first seen while writing: %llu\n",
	       (unsigned long long)arg.image_bytes, (unsigned long long)seen_between);
	if (stat(argv[1], &st) || (uint64_t)st.st_size != arg.image_bytes)
		proto_fail("%s is not in place with the %llu bytes written", argv[1],
			   (unsigned long long)arg.image_bytes);
	if (!seen_between || seen_between >= arg.image_bytes)
		proto_fail("no progress was shown while the image was written");
	proto_pass("image_bytes showed %llu of %llu bytes while the image was written",
		   (unsigned long long)seen_between, (unsigned long long)arg.image_bytes);
	return 0;
}
