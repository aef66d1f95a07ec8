// SPDX-License-Identifier: GPL-2.0
/*
 * Proves the KCKPT_IOC_VERSION contract on a loaded module: a correct call
 * answers the header's ABI version; non-zero flags or reserved bytes, a
 * short size, a longer struct with a non-zero tail and bad pointers are
 * refused with the documented errno; unknown ioctls get ENOTTY.
 * Prints PASS or FAIL with the reason.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <uapi/kckpt.h>

static int failures;

static void expect(int cond, const char *what)
{
	printf("%s: %s\n", cond ? "ok" : "NOT OK", what);
	if (!cond)
		failures++;
}

static int version_call(int fd, void *arg)
{
	return ioctl(fd, KCKPT_IOC_VERSION, arg) == 0 ? 0 : errno;
}

static void check_good_call(int fd)
{
	struct kckpt_version v = { .size = sizeof(v) };
	struct utsname u;

	expect(version_call(fd, &v) == 0, "a correct VERSION call succeeds");
	expect(v.abi_version == KCKPT_ABI_VERSION, "ABI version matches the header");
	expect(v.size == sizeof(v), "the answer carries its size");
	expect(v.module_version[0] != '\0', "module version is set");
	uname(&u);
	expect(strcmp(v.kernel_release, u.release) == 0, "kernel release matches uname");
}

static void check_refusals(int fd)
{
	struct kckpt_version v = { .size = sizeof(v), .flags = 1 };
	struct {
		struct kckpt_version v;
		__u64 tail;
	} big = { .v.size = sizeof(big) };

	expect(version_call(fd, &v) == EINVAL, "unknown flags -> EINVAL");
	v.flags = 0;
	v.reserved = 7;
	expect(version_call(fd, &v) == EINVAL, "non-zero reserved -> EINVAL");
	v.reserved = 0;
	v.size = sizeof(v) - 8;
	expect(version_call(fd, &v) == EINVAL, "short size -> EINVAL");
	expect(version_call(fd, &big) == 0, "longer struct with zero tail is accepted");
	big.v.size = sizeof(big);	/* the answer set it to sizeof(v) */
	big.tail = 1;
	expect(version_call(fd, &big) == E2BIG, "longer struct with non-zero tail -> E2BIG");
	expect(version_call(fd, NULL) == EFAULT, "NULL argument -> EFAULT");
	expect(ioctl(fd, _IO(KCKPT_IOC_MAGIC, 0x7f)) == -1 && errno == ENOTTY,
	       "unknown ioctl -> ENOTTY");
	expect(ioctl(fd, TCGETS) == -1 && errno == ENOTTY, "TCGETS -> ENOTTY");
}

int main(void)
{
	int fd = open(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		printf("FAIL: cannot open %s: %s\n", KCKPT_DEVICE_PATH, strerror(errno));
		return 1;
	}
	check_good_call(fd);
	check_refusals(fd);
	close(fd);
	if (failures) {
		printf("FAIL: %d VERSION contract checks failed\n", failures);
		return 1;
	}
	printf("PASS: VERSION answers ABI %d and refuses malformed calls\n",
	       KCKPT_ABI_VERSION);
	return 0;
}
