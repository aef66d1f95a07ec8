// SPDX-License-Identifier: GPL-2.0
/*
 * libkckpt from a program's side. Modes:
 *   path IMAGE CODE    checkpt(IMAGE) with three callbacks of each kind:
 *                      "CHECKPOINTED" when it returns 0 (callbacks in
 *                      order, image 0600, no temporary file, no fd left
 *                      open); restored: "RESUMED <code>", the atrestore
 *                      callbacks in reverse order, no fd leaked, PASS
 *                      when the code is CODE
 *   fd IMAGE CODE      as path through checkpt_fd(fd, 0) on a file it
 *                      creates (nothing renamed)
 *   fd2 IMAGE CODE     checkpt_fd2(fd, 0, 9), no callbacks
 *   exit IMAGE CODE    checkpt_fd(fd, CHECKPT_EXIT): must not come back
 *                      but through a restore
 *   veto IMAGE         the second callback vetoes: -1/ECANCELED, the
 *                      third never runs, nothing is written
 *   nomodule IMAGE     no /dev/kckpt: ENOSYS, default signal numbers
 *   thread IMAGE       a second thread: -1/EOPNOTSUPP with the reason
 *   flags IMAGE        unknown and conflicting flags: EINVAL
 *   signals            prints "SIGNALS <sigckpt> <sigckptexit>"
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <pthread.h>
#include <sys/stat.h>

#include <kckpt.h>

#include "protocol.h"

static char cb_log[64];
static int veto_at;	/* the callback number that vetoes, 0: none */

static void cb_note(const char *what)
{
	strncat(cb_log, what, sizeof(cb_log) - strlen(cb_log) - 1);
}

static int before(void *arg)
{
	int n = (int)(long)arg;
	char s[4] = { 'c', (char)('0' + n), ' ', 0 };

	cb_note(s);
	return n == veto_at ? 5 : 0;
}

static void after(void *arg)
{
	int n = (int)(long)arg;
	char s[4] = { 'r', (char)('0' + n), ' ', 0 };

	cb_note(s);
}

static void register_callbacks(void)
{
	long i;

	for (i = 1; i <= 3; i++)
		if (kckpt_atcheckpoint(before, (void *)i) || kckpt_atrestore(after, (void *)i))
			proto_fail("registering callbacks: %s", strerror(errno));
}

/* The open descriptors below 64, as a bit set. */
static unsigned long long open_fds(void)
{
	unsigned long long set = 0;
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;

	if (!d)
		proto_fail("opendir /proc/self/fd: %s", strerror(errno));
	while ((e = readdir(d))) {
		int fd = atoi(e->d_name);

		if (e->d_name[0] != '.' && fd != dirfd(d) && fd < 64)
			set |= 1ULL << fd;
	}
	closedir(d);
	return set;
}

/* Temporaries (".NAME.*" beside IMAGE) must not exist. */
static void no_temporaries(const char *image)
{
	const char *slash = strrchr(image, '/');
	char pat[512];
	glob_t g;

	if (slash)
		snprintf(pat, sizeof(pat), "%.*s.%s.*", (int)(slash - image + 1), image, slash + 1);
	else
		snprintf(pat, sizeof(pat), ".%s.*", image);
	if (glob(pat, 0, NULL, &g) == 0)
		proto_fail("a temporary image was left behind: %s", g.gl_pathv[0]);
}

static void resumed(int r, const char *want, unsigned long long fds_before,
		    const char *want_log)
{
	printf("RESUMED %d\n", r);
	printf("CALLBACKS %s\n", cb_log);
	if (r != atoi(want))
		proto_fail("resumed with %d, expected %s", r, want);
	if (strcmp(cb_log, want_log))
		proto_fail("callbacks ran as \"%s\", expected \"%s\"", cb_log, want_log);
	if (open_fds() != fds_before)
		proto_fail("open fds after restore %#llx, before the call %#llx",
			   open_fds(), fds_before);
	proto_pass("checkpt returned %d after restore, callbacks \"%s\", no fd leaked", r, cb_log);
}

static int create_image(const char *image)
{
	int fd = open(image, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0)
		proto_fail("creating %s: %s", image, strerror(errno));
	return fd;
}

static void *parked(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static void expect_failure(int r, int err, const char *what, const char *image)
{
	struct stat st;

	if (r != -1 || errno != err)
		proto_fail("%s: returned %d errno %d (%s), expected -1 errno %d (%s)",
			   what, r, errno, strerror(errno), err, strerror(err));
	if (image && (stat(image, &st) == 0 && st.st_size))
		proto_fail("%s: the image %s was written", what, image);
	if (image)
		no_temporaries(image);
	printf("%s: %s\n", what, kckpt_strerror());
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "", *image = argc > 2 ? argv[2] : NULL;
	unsigned long long fds;
	struct stat st;
	int r, fd;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(mode, "signals")) {
		printf("SIGNALS %d %d\n", kckpt_sigckpt(), kckpt_sigckptexit());
		return 0;
	}
	if (!image)
		proto_fail("usage: libkckpt_api MODE IMAGE [CODE]");

	if (!strcmp(mode, "path")) {
		register_callbacks();
		fds = open_fds();
		r = checkpt(image);
		if (r < 0)
			proto_fail("checkpt: %s (%s)", strerror(errno), kckpt_strerror());
		if (r > 0)
			resumed(r, argv[3], fds, "c1 c2 c3 r3 r2 r1 ");
		if (strcmp(cb_log, "c1 c2 c3 "))
			proto_fail("atcheckpoint callbacks ran as \"%s\"", cb_log);
		if (stat(image, &st) || !S_ISREG(st.st_mode) || (st.st_mode & 07777) != 0600 ||
		    !st.st_size)
			proto_fail("the image is not a non-empty 0600 file");
		no_temporaries(image);
		if (open_fds() != fds)
			proto_fail("open fds after checkpt %#llx, before %#llx", open_fds(), fds);
		printf("CHECKPOINTED\n");
		return 0;
	}
	if (!strcmp(mode, "fd") || !strcmp(mode, "fd2") || !strcmp(mode, "exit")) {
		int is_exit = !strcmp(mode, "exit"), is_fd = !strcmp(mode, "fd");

		if (is_fd)
			register_callbacks();
		fd = create_image(image);
		fds = open_fds();
		r = is_exit ? checkpt_fd(fd, CHECKPT_EXIT) :
		    is_fd ? checkpt_fd(fd, 0) : checkpt_fd2(fd, 0, 9);
		if (r < 0)
			proto_fail("checkpt_fd: %s (%s)", strerror(errno), kckpt_strerror());
		if (r > 0) {
			close(fd);
			resumed(r, argv[3], fds & ~(1ULL << fd), is_fd ? "c1 c2 c3 r3 r2 r1 " : "");
		}
		if (is_fd && strcmp(cb_log, "c1 c2 c3 "))
			proto_fail("atcheckpoint callbacks ran as \"%s\"", cb_log);
		if (is_exit)
			proto_fail("checkpt_fd(CHECKPT_EXIT) returned 0: the process lives on");
		if (open_fds() != fds)
			proto_fail("open fds after checkpt_fd %#llx, before %#llx", open_fds(), fds);
		printf("CHECKPOINTED\n");
		return 0;
	}
	if (!strcmp(mode, "veto")) {
		register_callbacks();
		veto_at = 2;
		fds = open_fds();
		r = checkpt(image);
		expect_failure(r, ECANCELED, "veto", image);
		if (stat(image, &st) == 0)
			proto_fail("a vetoed checkpoint created %s", image);
		if (strcmp(cb_log, "c1 c2 "))
			proto_fail("callbacks ran as \"%s\", expected \"c1 c2 \"", cb_log);
		if (!strstr(kckpt_strerror(), "veto"))
			proto_fail("kckpt_strerror() does not say it was vetoed: %s", kckpt_strerror());
		if (open_fds() != fds)
			proto_fail("a vetoed checkpoint leaked fds");
		proto_pass("the second callback vetoed: ECANCELED, the third did not run, no file");
	}
	if (!strcmp(mode, "nomodule")) {
		register_callbacks();
		expect_failure(checkpt(image), ENOSYS, "checkpt", image);
		if (access(image, F_OK) == 0)
			proto_fail("checkpt without the module created %s", image);
		if (!strstr(kckpt_strerror(), "not loaded"))
			proto_fail("kckpt_strerror() does not say the module is not loaded");
		if (cb_log[0])
			proto_fail("callbacks ran without the module: %s", cb_log);
		fd = create_image(image);
		expect_failure(checkpt_fd(fd, 0), ENOSYS, "checkpt_fd", NULL);
		if (kckpt_sigckpt() != 63 || kckpt_sigckptexit() != 64)
			proto_fail("signal numbers without the module: %d %d, expected 63 64",
				   kckpt_sigckpt(), kckpt_sigckptexit());
		proto_pass("ENOSYS without the module, no callback run, no file; signals 63 and 64");
	}
	if (!strcmp(mode, "thread")) {
		pthread_t t;

		if (pthread_create(&t, NULL, parked, NULL))
			proto_fail("pthread_create failed");
		r = checkpt(image);
		expect_failure(r, EOPNOTSUPP, "thread", image);
		if (access(image, F_OK) == 0)
			proto_fail("a refused checkpoint created %s", image);
		if (!strstr(kckpt_strerror(), "thread"))
			proto_fail("the reason does not mention threads: %s", kckpt_strerror());
		proto_pass("a second thread: EOPNOTSUPP (%s), no file", kckpt_strerror());
	}
	if (!strcmp(mode, "flags")) {
		fd = create_image(image);
		expect_failure(checkpt_fd(fd, CHECKPT_EXIT | CHECKPT_STOP), EINVAL, "both flags", NULL);
		expect_failure(checkpt_fd(fd, 0x100), EINVAL, "unknown flag", NULL);
		expect_failure(checkpt_fd2(fd, 0, 0x80000000u), EINVAL, "resume code", NULL);
		if (fstat(fd, &st) || st.st_size)
			proto_fail("a refused call wrote to the image");
		proto_pass("conflicting or unknown flags and a too large resume code: EINVAL");
	}
	proto_fail("unknown mode %s", mode);
}
