// SPDX-License-Identifier: GPL-2.0
/*
 * KCKPT_BEGIN_DRY_RUN: RESTORE_BEGIN with the flag validates an image as
 * the real BEGIN does and answers the same way (success, or EINVAL and the
 * very same reason), but keeps no session: NOTE finds none afterwards and
 * a real BEGIN on the same descriptor is not EBUSY. A flag the module does
 * not know is EINVAL. Prints PASS or FAIL with the reason.
 *
 * usage: restore_dry_run GOOD-IMAGE REFUSED-IMAGE
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>

#include <uapi/kckpt.h>

#include "protocol.h"
#include "restore_session.h"

static int open_or_fail(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);

	if (fd < 0)
		proto_fail("cannot open %s: %s", path, strerror(errno));
	return fd;
}

/* BEGIN of @image on a fresh /dev/kckpt (or @dev when >= 0); the errno. */
static int begin(int dev, const char *image, __u32 flags,
		 struct kckpt_restore_begin *b)
{
	int img = open_or_fail(image, O_RDONLY), err;

	memset(b, 0, sizeof(*b));
	b->size = sizeof(*b);
	b->flags = flags;
	b->image_fd = img;
	err = ioctl(dev, KCKPT_IOC_RESTORE_BEGIN, b) ? errno : 0;
	b->reason[KCKPT_REASON_LEN - 1] = '\0';
	close(img);
	return err;
}

static void check_good(const char *image)
{
	int dev = open_or_fail(KCKPT_DEVICE_PATH, O_RDWR), err;
	struct kckpt_restore_begin b;

	err = begin(dev, image, KCKPT_BEGIN_DRY_RUN, &b);
	if (err)
		proto_fail("the dry run refused a good image: %s (%s)", strerror(err), b.reason);
	if (!b.nr_special)
		proto_fail("the dry run did not answer like BEGIN (no special mappings)");
	err = session_note_errno(dev);
	if (err != EINVAL)
		proto_fail("after a dry run NOTE found a session (%s), expected EINVAL",
			   err ? strerror(err) : "success");
	err = begin(dev, image, 0, &b);
	if (err)
		proto_fail("a real BEGIN after the dry run failed: %s (%s)", strerror(err), b.reason);
	close(dev);
}

static void check_refused(const char *image)
{
	int dry = open_or_fail(KCKPT_DEVICE_PATH, O_RDWR);
	int real = open_or_fail(KCKPT_DEVICE_PATH, O_RDWR);
	struct kckpt_restore_begin a, b;
	int e1 = begin(dry, image, KCKPT_BEGIN_DRY_RUN, &a);
	int e2 = begin(real, image, 0, &b);

	printf("dry run: %s: %s\nBEGIN: %s: %s\n", strerror(e1), a.reason,
	       strerror(e2), b.reason);
	if (e1 != EINVAL || e2 != EINVAL)
		proto_fail("a refused image: dry run %d, BEGIN %d, both expected EINVAL", e1, e2);
	if (!a.reason[0] || strcmp(a.reason, b.reason))
		proto_fail("the dry run's reason \"%s\" is not BEGIN's \"%s\"", a.reason, b.reason);
	close(dry);
	close(real);
}

static void check_unknown_flag(const char *image)
{
	int dev = open_or_fail(KCKPT_DEVICE_PATH, O_RDWR);
	struct kckpt_restore_begin b;
	int err = begin(dev, image, KCKPT_BEGIN_DRY_RUN | (1U << 31), &b);

	if (err != EINVAL)
		proto_fail("an unknown BEGIN flag gave %s, expected EINVAL",
			   err ? strerror(err) : "success");
	close(dev);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 3)
		proto_fail("usage: restore_dry_run GOOD-IMAGE REFUSED-IMAGE");
	check_good(argv[1]);
	check_refused(argv[2]);
	check_unknown_flag(argv[1]);
	proto_pass("a dry run answers as BEGIN and keeps no session; unknown flags are EINVAL");
}
