// SPDX-License-Identifier: GPL-2.0
/*
 * Times one restore of a bench_target, from the moment the restorer is
 * started until the restored process itself answers, then has the process
 * check all its memory. FIFO is the target's KCKPT_BENCH_FIFO (made by the
 * caller); the stop-watch stops when "BACK" arrives on it. NAME is the
 * target's program: once /proc/PID/maps shows it, the restorer has put the
 * signal handlers back (kckpt-restore does so before its final ioctl, which
 * maps the program first), so SIGUSR1 is sent; a signal that arrives while
 * the memory is still being filled waits until the process is back in user
 * mode, where the restored handler answers.
 *
 *   bench_restore FIFO NAME helper CMD...       CMD becomes the restored
 *	process (kckpt-restore IMG)
 *   bench_restore FIFO NAME wait:PID CMD...     CMD restores PID and exits 0
 *	(criu restore -d)
 *   bench_restore FIFO NAME pidfile:PATH CMD... as wait:, the pid read from
 *	PATH (checkpt -r IMG --detach --pidfile PATH)
 *
 * Prints one line; exits 1 on failure:
 *   ok restore_s=1.234567 pid=N verify=OK bytes=N
 *   error restore_s=... pid=N reason=...    (pid=0: none known)
 * The restored process is left running (the caller kills it).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double t0;
static pid_t pid;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *fmt, const char *arg)
{
	printf("error restore_s=%.6f pid=%d reason=", now() - t0, pid);
	printf(fmt, arg);
	printf("\n");
	exit(1);
}

/* One line from the FIFO into @buf, waiting up to @secs. */
static void read_line(int fd, char *buf, size_t size, int secs)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	size_t len = 0;

	while (len + 1 < size) {
		if (poll(&p, 1, secs * 1000) <= 0)
			die("no answer from the restored process%s", "");
		if (read(fd, buf + len, 1) != 1)
			die("read from the FIFO failed%s", "");
		if (buf[len] == '\n')
			break;
		len++;
	}
	buf[len] = 0;
}

static int maps_name(pid_t pid, const char *name)
{
	char path[64], buf[8192];
	ssize_t n;
	int fd, found;

	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);	/* the program is mapped first */
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	found = strstr(buf, name) != NULL;
	return found;
}

int main(int argc, char **argv)
{
	const struct timespec ms = { 0, 1000000 };
	char line[128], *name, *mode;
	double t1;
	pid_t child;
	int fifo, status;

	if (argc < 5) {
		fprintf(stderr, "usage: bench_restore FIFO NAME helper|wait:PID|pidfile:PATH CMD...\n");
		return 2;
	}
	name = argv[2];
	mode = argv[3];
	fifo = open(argv[1], O_RDWR | O_CLOEXEC);	/* never blocks, never EOF */
	if (fifo < 0)
		die("cannot open the FIFO %s", argv[1]);
	t0 = now();
	child = fork();
	if (child < 0)
		die("fork failed%s", "");
	if (child == 0) {
		execvp(argv[4], argv + 4);
		_exit(127);
	}
	if (!strcmp(mode, "helper")) {
		pid = child;
	} else {
		if (waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
		    WEXITSTATUS(status))
			die("%s failed", argv[4]);
		if (!strncmp(mode, "wait:", 5)) {
			pid = atoi(mode + 5);
		} else if (!strncmp(mode, "pidfile:", 8)) {
			FILE *f = fopen(mode + 8, "r");

			if (!f || fscanf(f, "%d", &pid) != 1)
				die("no pid in %s", mode + 8);
			fclose(f);
		}
	}
	while (pid > 0 && !maps_name(pid, name)) {
		if (pid == child && waitpid(pid, &status, WNOHANG) == pid)
			die("the restorer ended before the process was back (%s)",
			    WIFEXITED(status) ? "exited" : "killed by a signal");
		if (kill(pid, 0))
			die("the restored process is gone%s", "");
		if (now() - t0 > 900)
			die("timed out%s", "");
		nanosleep(&ms, NULL);
	}
	if (pid <= 0 || kill(pid, SIGUSR1))
		die("cannot signal the restored process%s", "");
	read_line(fifo, line, sizeof(line), 900);
	t1 = now();
	if (strncmp(line, "BACK", 4))
		die("unexpected answer: %s", line);
	if (kill(pid, SIGUSR2))
		die("cannot signal the restored process%s", "");
	read_line(fifo, line, sizeof(line), 900);
	if (strncmp(line, "OK ", 3)) {
		printf("error restore_s=%.6f pid=%d reason=memory check says %s\n",
		       t1 - t0, pid, line);
		return 1;
	}
	printf("ok restore_s=%.6f pid=%d verify=OK bytes=%s\n", t1 - t0, pid,
	       line + 3);
	return 0;
}
