// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * ckpt_server: a checkpointable TCP server, after Matt Dillon's sketch of
 * DragonFly's checkpoint facility. SIGCKPT (its number is kckpt_sigckpt():
 * `kill -s 63 PID`, or `checkpt -s PID`) only sets a flag; the main loop
 * checkpoints when it is between clients. Sockets cannot be checkpointed,
 * so an atcheckpoint callback closes the listening socket and an atrestore
 * callback opens it again in the restored process.
 *
 *   ckpt_server [PORT [IMAGE]]     (defaults: 7070, ckpt_server.ckpt)
 *   checkpt -r ckpt_server.ckpt    (later: serves on, counting on)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <kckpt.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile sig_atomic_t ckpt_requested;
static int listen_fd = -1;
static int port = 7070;

static void on_sigckpt(int sig)
{
	(void)sig;
	ckpt_requested = 1;
}

static int open_listener(void)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET, .sin_port = htons(port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	int one = 1;

	listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (listen_fd < 0 ||
	    setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(listen_fd, (struct sockaddr *)&sin, sizeof(sin)) ||
	    listen(listen_fd, 16)) {
		perror("ckpt_server: listening socket");
		exit(1);
	}
	printf("listening on 127.0.0.1:%d, pid %d\n", port, getpid());
	return 0;
}

/* before the image is written: no socket may be open */
static int close_listener(void *arg)
{
	(void)arg;
	close(listen_fd);
	listen_fd = -1;
	return 0;
}

/* in the restored process, before checkpt() returns the resume code */
static void reopen_listener(void *arg)
{
	(void)arg;
	open_listener();
}

int main(int argc, char **argv)
{
	const char *image = argc > 2 ? argv[2] : "ckpt_server.ckpt";
	struct sigaction sa = { .sa_handler = on_sigckpt };	/* no SA_RESTART */
	unsigned long served = 0;

	if (argc > 1)
		port = atoi(argv[1]);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (sigaction(kckpt_sigckpt(), &sa, NULL) ||
	    kckpt_atcheckpoint(close_listener, NULL) ||
	    kckpt_atrestore(reopen_listener, NULL)) {
		perror("ckpt_server: setup");
		return 1;
	}
	open_listener();

	for (;;) {
		int c, r;

		if (ckpt_requested) {
			ckpt_requested = 0;
			r = checkpt(image);
			if (r < 0)
				fprintf(stderr, "ckpt_server: checkpt: %s\n", kckpt_strerror());
			else if (r == 0)
				printf("checkpointed to %s after %lu clients\n", image, served);
			else
				printf("restored (resume code %d) after %lu clients\n", r, served);
			if (listen_fd < 0)	/* continued, or failed: listen again */
				open_listener();
		}
		c = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
		if (c < 0) {
			if (errno == EINTR)
				continue;
			perror("ckpt_server: accept");
			return 1;
		}
		served++;
		dprintf(c, "hello, client %lu\n", served);
		close(c);
	}
}
