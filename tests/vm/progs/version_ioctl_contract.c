// SPDX-License-Identifier: GPL-2.0
/*
 * Proves the KCKPT_IOC_VERSION contract on a loaded module: a correct call
 * answers the header's ABI version; a caller built against an older header
 * (the first ABI's shorter struct, its size in the ioctl number) and one
 * built against a newer header (a longer struct, its size in the number)
 * are both served; non-zero flags or reserved bytes, a size below the
 * first ABI's, a size field that disagrees with the number, a longer struct
 * with a non-zero tail and bad pointers are refused with the documented
 * errno; unknown ioctls get ENOTTY.
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

/* VERSION with @size encoded in the ioctl number, as a caller built
 * against a header with a struct of that size would issue it. */
static int version_call_sized(int fd, void *arg, unsigned int size)
{
	unsigned long cmd = _IOC(_IOC_READ | _IOC_WRITE, KCKPT_IOC_MAGIC,
				 KCKPT_NR_VERSION, size);

	return ioctl(fd, cmd, arg) == 0 ? 0 : errno;
}

/* A caller of the first ABI: 128 bytes, no signal numbers. */
static void check_older_caller(int fd)
{
	unsigned char buf[KCKPT_VERSION_SIZE_VER0 + 16];
	struct kckpt_version *v = (struct kckpt_version *)buf;

	memset(buf, 0xa5, sizeof(buf));
	memset(buf, 0, KCKPT_VERSION_SIZE_VER0);
	v->size = KCKPT_VERSION_SIZE_VER0;
	expect(version_call_sized(fd, buf, KCKPT_VERSION_SIZE_VER0) == 0,
	       "an older caller's shorter struct is served");
	expect(v->abi_version == KCKPT_ABI_VERSION, "the older caller gets the ABI version");
	expect(buf[KCKPT_VERSION_SIZE_VER0] == 0xa5,
	       "nothing is written past the older caller's struct");
}

/* A caller of a later revision: a longer struct, its tail zero. */
static void check_newer_caller(int fd)
{
	struct {
		struct kckpt_version v;
		__u64 later[4];
	} big;

	memset(&big, 0, sizeof(big));
	big.v.size = sizeof(big);
	expect(version_call_sized(fd, &big, sizeof(big)) == 0,
	       "a newer caller's longer struct with a zero tail is served");
	expect(big.v.abi_version == KCKPT_ABI_VERSION && big.v.sigckpt >= 35 &&
	       big.v.sigckptexit >= 35, "the newer caller gets the fields this module knows");
	memset(&big, 0, sizeof(big));
	big.v.size = sizeof(big);
	big.later[3] = 1;
	expect(version_call_sized(fd, &big, sizeof(big)) == E2BIG,
	       "a newer caller's non-zero unknown tail -> E2BIG");
	memset(&big, 0, sizeof(big));
	big.v.size = sizeof(big.v);
	expect(version_call_sized(fd, &big, sizeof(big)) == EINVAL,
	       "a size field that disagrees with the ioctl number -> EINVAL");
	memset(&big, 0, sizeof(big));
	big.v.size = KCKPT_VERSION_SIZE_VER0 - 8;
	expect(version_call_sized(fd, &big, KCKPT_VERSION_SIZE_VER0 - 8) == EINVAL,
	       "a struct shorter than the first ABI's -> EINVAL");
}

static void check_good_call(int fd)
{
	struct kckpt_version v = { .size = sizeof(v) };
	struct utsname u;

	expect(version_call(fd, &v) == 0, "a correct VERSION call succeeds");
	expect(v.abi_version == KCKPT_ABI_VERSION, "ABI version matches the header");
	expect(v.size == sizeof(v), "the answer carries its size");
	expect(v.sigckpt >= 35 && v.sigckpt <= 64 && v.sigckptexit >= 35 &&
	       v.sigckptexit <= 64, "the SIGCKPT numbers are answered");
	expect(v.module_version[0] != '\0', "module version is set");
	uname(&u);
	expect(strcmp(v.kernel_release, u.release) == 0, "kernel release matches uname");
}

static void check_refusals(int fd)
{
	struct kckpt_version v = { .size = sizeof(v), .flags = 1 };

	expect(version_call(fd, &v) == EINVAL, "unknown flags -> EINVAL");
	v.flags = 0;
	v.reserved = 7;
	expect(version_call(fd, &v) == EINVAL, "non-zero reserved -> EINVAL");
	v.reserved = 0;
	v.size = sizeof(v) - 8;
	expect(version_call(fd, &v) == EINVAL, "a size field that disagrees -> EINVAL");
	expect(version_call(fd, NULL) == EFAULT, "NULL argument -> EFAULT");
	expect(ioctl(fd, _IOW(KCKPT_IOC_MAGIC, KCKPT_NR_VERSION, struct kckpt_version), &v) == -1 &&
	       errno == ENOTTY, "VERSION with the wrong direction -> ENOTTY");
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
	check_older_caller(fd);
	check_newer_caller(fd);
	close(fd);
	if (failures) {
		printf("FAIL: %d VERSION contract checks failed\n", failures);
		return 1;
	}
	printf("PASS: VERSION answers ABI %d and refuses malformed calls\n",
	       KCKPT_ABI_VERSION);
	return 0;
}
