// SPDX-License-Identifier: GPL-2.0
/*
 * A restore session belongs to the task that began it: after RESTORE_BEGIN
 * on a /dev/kckpt descriptor, a child that inherited the descriptor gets
 * EPERM from RESTORE_NOTE and RESTORE_FINISH (it must neither read the
 * image's notes nor become the image), while the task that began it still
 * reads its notes. Prints PASS or FAIL with the reason.
 *
 * usage: session_owner IMAGE
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

#include <uapi/kckpt.h>

#include "protocol.h"
#include "restore_session.h"

static int finish_errno(int dev)
{
	struct kckpt_restore_finish f = { .size = sizeof(f) };

	return ioctl(dev, KCKPT_IOC_RESTORE_FINISH, &f) ? errno : 0;
}

/* In the child: what the inherited descriptor lets it do. */
static int child(int dev)
{
	int e = session_note_errno(dev);

	if (e != EPERM) {
		printf("FAIL: the child's NOTE gave %s, expected EPERM\n",
		       e ? strerror(e) : "success");
		return 1;
	}
	e = finish_errno(dev);
	if (e != EPERM) {
		printf("FAIL: the child's FINISH gave %s, expected EPERM\n",
		       e ? strerror(e) : "success");
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct kckpt_restore_begin b = { .size = sizeof(b) };
	int dev, status;
	pid_t pid;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 2)
		proto_fail("usage: session_owner IMAGE");
	dev = open(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	b.image_fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (dev < 0 || b.image_fd < 0)
		proto_fail("cannot open /dev/kckpt or %s: %s", argv[1], strerror(errno));
	if (ioctl(dev, KCKPT_IOC_RESTORE_BEGIN, &b)) {
		b.reason[KCKPT_REASON_LEN - 1] = '\0';
		proto_fail("BEGIN refused the image: %s (%s)", strerror(errno), b.reason);
	}
	pid = fork();
	if (pid < 0)
		proto_fail("fork: %s", strerror(errno));
	if (pid == 0)
		_exit(child(dev));
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		proto_fail("the child could use the session (see above)");
	if (session_note_errno(dev))
		proto_fail("the task that began the session cannot read its notes");
	proto_pass("only the task that began the session may go on with it");
}
