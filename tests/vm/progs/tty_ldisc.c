// SPDX-License-Identifier: GPL-2.0
/*
 * The ^E line discipline (kckpt_tty.ko, N_DEVELOPMENT = 29) on a pty pair.
 *
 * usage:
 *   tty_ldisc stream MODE  bytes through the master reach the slave intact
 *                          and in order; MODE says what is consumed:
 *                          isig   ISIG on: only the checkpoint characters
 *                          ixon   ISIG and IXON on: those and ^S/^Q
 *                          noisig ISIG off: nothing (^E is data)
 *                          ntty   back to N_TTY, ISIG on: nothing (^E is data)
 *   tty_ldisc lookahead    IXON with n_tty's buffer full: ^S/^Q behind a ^E
 *                          act as this kernel's n_tty acts on them (at once
 *                          with lookahead), and flow control works afterwards
 *   tty_ldisc sti          TIOCSTI goes through the same path: ^E consumed
 *   tty_ldisc hold         READY with the ldisc set; SIGUSR1: back to N_TTY,
 *                          prints BACK; SIGUSR1 again: PASS
 *   tty_ldisc fg DIR PROG ARGS...
 *                          PROG runs in DIR as the foreground job of a
 *                          kckpt pty (its session, controlling terminal);
 *                          prints "CHILD <pid>", relays its output, types
 *                          the checkpoint character on each SIGUSR2 and
 *                          exits with PROG's status
 *
 * The checkpoint character is read from the module parameter (^E when
 * the module is not loaded).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>

#include "protocol.h"

#define LDISC_KCKPT	29	/* N_DEVELOPMENT */
#define LDISC_N_TTY	0
#define C_INTR		0x03
#define C_QUIT		0x1c
#define C_SUSP		0x1a
#define C_START		0x11
#define C_STOP		0x13
#define STREAM_LEN	(2u << 20)
#define NTTY_FULL	4095	/* n_tty's non-canonical buffer */

static unsigned char ckpt_char = 0x05;

static void read_ckpt_char(void)
{
	FILE *f = fopen("/sys/module/kckpt_tty/parameters/ckpt_char", "r");
	unsigned int v;

	if (!f)
		return;		/* not loaded: TIOCSETD will say so */
	if (fscanf(f, "%u", &v) != 1 || v > 255)
		proto_fail("cannot read the ckpt_char parameter");
	fclose(f);
	ckpt_char = (unsigned char)v;
}

static void set_ldisc(int fd, int ldisc)
{
	if (ioctl(fd, TIOCSETD, &ldisc))
		proto_fail("TIOCSETD %d: %s", ldisc, strerror(errno));
}

static int get_ldisc(int fd)
{
	int ldisc;

	if (ioctl(fd, TIOCGETD, &ldisc))
		proto_fail("TIOCGETD: %s", strerror(errno));
	return ldisc;
}

static void open_pty(int *master, int *slave)
{
	*master = posix_openpt(O_RDWR | O_NOCTTY);
	if (*master < 0 || grantpt(*master) || unlockpt(*master))
		proto_fail("posix_openpt: %s", strerror(errno));
	*slave = open(ptsname(*master), O_RDWR | O_NOCTTY);
	if (*slave < 0)
		proto_fail("open %s: %s", ptsname(*master), strerror(errno));
	/* (termios calls on the master act on the slave: none here) */
}

/* Raw-ish input with the given ISIG and IXON; fixed special characters. */
static void set_input_mode(int fd, bool isig, bool ixon)
{
	struct termios t;

	if (tcgetattr(fd, &t))
		proto_fail("tcgetattr: %s", strerror(errno));
	t.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
		       ICRNL | IXON | IXOFF | IXANY | IMAXBEL | INPCK | IUCLC);
	if (ixon)
		t.c_iflag |= IXON;
	t.c_oflag &= ~OPOST;
	t.c_lflag &= ~(ICANON | ECHO | ECHOE | ECHOK | ECHONL | IEXTEN |
		       ECHOCTL | ECHOKE | ISIG);
	t.c_lflag |= NOFLSH;
	if (isig)
		t.c_lflag |= ISIG;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	t.c_cc[VINTR] = C_INTR;
	t.c_cc[VQUIT] = C_QUIT;
	t.c_cc[VSUSP] = C_SUSP;
	t.c_cc[VSTART] = C_START;
	t.c_cc[VSTOP] = C_STOP;
	if (tcsetattr(fd, TCSANOW, &t))
		proto_fail("tcsetattr: %s", strerror(errno));
}

static uint32_t rng = 2463534242u;

static uint32_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static void write_all(int fd, const unsigned char *p, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			proto_fail("write: %s", strerror(errno));
		p += n;
		len -= (size_t)n;
	}
}

struct stream {
	unsigned char *sent, *want;
	size_t sent_len, want_len;
	int master;
};

static void *stream_writer(void *arg)
{
	struct stream *s = arg;
	size_t off = 0, n;

	while (off < s->sent_len) {
		n = 1 + next_random() % 4096;
		if (n > s->sent_len - off)
			n = s->sent_len - off;
		write_all(s->master, s->sent + off, n);
		off += n;
	}
	return NULL;
}

static bool is_signal_char(unsigned char c)
{
	return c == C_INTR || c == C_QUIT || c == C_SUSP;
}

/*
 * Builds the bytes to send and the bytes the slave must read: random data
 * (no signal characters while ISIG is on, no ^S/^Q as data under IXON,
 * no checkpoint character as data while it is special) with checkpoint
 * characters - single, in runs, at any offset - and under IXON ^S/^Q
 * interleaved; the special ones are sent but not expected.
 */
static void build_stream(struct stream *s, bool isig, bool ixon, bool special)
{
	size_t i = 0, k, run;
	unsigned char c;

	s->sent = malloc(STREAM_LEN + 16);
	s->want = malloc(STREAM_LEN + 16);
	if (!s->sent || !s->want)
		proto_fail("out of memory");
	s->want_len = 0;
	while (i < STREAM_LEN) {
		uint32_t r = next_random();

		if (r % 53 == 0) {
			run = r % 1009 == 0 ? 300 : 1 + (r >> 8) % 4;
			for (k = 0; k < run && i < STREAM_LEN; k++) {
				s->sent[i++] = ckpt_char;
				if (!special)
					s->want[s->want_len++] = ckpt_char;
			}
			continue;
		}
		if (ixon && r % 97 == 1) {
			s->sent[i++] = (r >> 9) & 1 ? C_STOP : C_START;
			continue;
		}
		c = (unsigned char)(r >> 16);
		if ((isig && is_signal_char(c)) ||
		    (ixon && (c == C_START || c == C_STOP)) ||
		    (special && c == ckpt_char))
			continue;
		s->sent[i++] = c;
		s->want[s->want_len++] = c;
	}
	if (ixon)
		s->sent[i++] = C_START;	/* leave the output running */
	s->sent_len = i;
}

static volatile size_t stream_got;
static size_t stream_want_len;

static void on_alarm(int sig)
{
	char msg[128];
	int n;

	(void)sig;
	n = snprintf(msg, sizeof(msg),
		     "FAIL: timed out after %zu of %zu bytes\n",
		     stream_got, stream_want_len);
	if (write(1, msg, (size_t)n) < 0)
		_exit(2);
	_exit(1);
}

static void stream_test(const char *mode)
{
	bool isig = true, ixon = false, special = true, ntty = false;
	unsigned char buf[8192];
	struct stream s = { 0 };
	pthread_t writer;
	size_t got = 0, i;
	int master, slave, ld;
	ssize_t n;

	if (!strcmp(mode, "ixon")) {
		ixon = true;
	} else if (!strcmp(mode, "noisig")) {
		isig = false;
		special = false;
	} else if (!strcmp(mode, "ntty")) {
		ntty = true;
		special = false;
	} else if (strcmp(mode, "isig")) {
		proto_fail("unknown stream mode %s", mode);
	}

	open_pty(&master, &slave);
	set_ldisc(slave, LDISC_KCKPT);
	if (get_ldisc(slave) != LDISC_KCKPT)
		proto_fail("TIOCGETD does not say %d after TIOCSETD", LDISC_KCKPT);
	if (ntty) {
		set_ldisc(slave, LDISC_N_TTY);
		ld = get_ldisc(slave);
		if (ld != LDISC_N_TTY)
			proto_fail("TIOCGETD says %d after going back to N_TTY", ld);
	}
	set_input_mode(slave, isig, ixon);
	build_stream(&s, isig, ixon, special);
	s.master = master;
	stream_want_len = s.want_len;
	signal(SIGALRM, on_alarm);
	alarm(240);
	if (pthread_create(&writer, NULL, stream_writer, &s))
		proto_fail("pthread_create");

	while (got < s.want_len) {
		size_t ask = 1 + next_random() % sizeof(buf);

		/* now and then let the ldisc's buffer fill up */
		if (next_random() % 16 == 0)
			usleep(3000);
		n = read(slave, buf, ask);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			proto_fail("read slave: %s", n ? strerror(errno) : "EOF");
		if ((size_t)n > s.want_len - got)
			proto_fail("%zd bytes more than sent (after %zu)",
				   n - (ssize_t)(s.want_len - got), got);
		for (i = 0; i < (size_t)n; i++)
			if (buf[i] != s.want[got + i])
				proto_fail("byte %zu is 0x%02x, not 0x%02x",
					   got + i, buf[i], s.want[got + i]);
		got += (size_t)n;
		stream_got = got;
	}
	pthread_join(writer, NULL);
	/* nothing after the end: a marker byte must be the next one */
	write_all(master, (const unsigned char *)"Z", 1);
	n = read(slave, buf, sizeof(buf));
	if (n != 1 || buf[0] != 'Z')
		proto_fail("%zd unexpected bytes after the stream", n);
	alarm(0);
	proto_pass("%s: %zu bytes sent, %zu arrived intact and in order (ckpt_char %u)",
		   mode, s.sent_len, got, ckpt_char);
}

/* Waits up to @ms for @fd to have input; true if it has. */
static bool readable(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, ms) == 1;
}

/*
 * Is the slave's output stopped (^S)? A non-blocking write of one byte
 * fails with EAGAIN while it is; what gets through is drained from the
 * master.
 */
static bool output_stopped(int master, int slave)
{
	unsigned char c = '.', buf[64];
	ssize_t n = write(slave, &c, 1);

	if (n < 0 && errno != EAGAIN)
		proto_fail("write slave: %s", strerror(errno));
	while (readable(master, 50))
		if (read(master, buf, sizeof(buf)) <= 0)
			break;
	return n < 0;
}

static void wait_output(int master, int slave, bool stopped, const char *why)
{
	int i;

	for (i = 0; i < 60; i++) {
		if (output_stopped(master, slave) == stopped)
			return;
		usleep(50000);
	}
	proto_fail("output not %s %s", stopped ? "stopped" : "running", why);
}

static void read_exactly(int fd, const unsigned char *want, size_t len,
			 const char *what)
{
	unsigned char buf[8192];
	size_t got = 0;
	ssize_t n, i;

	while (got < len) {
		if (!readable(fd, 3000))
			proto_fail("%s: only %zu of %zu bytes", what, got, len);
		n = read(fd, buf, sizeof(buf) < len - got ? sizeof(buf) : len - got);
		if (n <= 0)
			proto_fail("%s: read: %s", what, strerror(errno));
		for (i = 0; i < n; i++)
			if (buf[i] != want[got + (size_t)i])
				proto_fail("%s: byte %zu is 0x%02x, not 0x%02x",
					   what, got + (size_t)i, buf[i],
					   want[got + (size_t)i]);
		got += (size_t)n;
	}
	if (readable(fd, 200))
		proto_fail("%s: more bytes than expected", what);
}

/*
 * A pty with IXON on @ldisc whose input buffer is full (what n_tty holds,
 * and 100 bytes more waiting behind it, in @fill); output running.
 */
static void full_pty(int ldisc, unsigned char *fill, size_t len, int *master,
		     int *slave)
{
	size_t i;

	open_pty(master, slave);
	set_ldisc(*slave, ldisc);
	set_input_mode(*slave, true, true);
	if (fcntl(*slave, F_SETFL, O_NONBLOCK))
		proto_fail("O_NONBLOCK: %s", strerror(errno));
	for (i = 0; i < len; i++)
		fill[i] = (unsigned char)('a' + i % 26);
	write_all(*master, fill, len);
	usleep(300000);
	wait_output(*master, *slave, false, "at the start");
}

/*
 * Does this kernel's own n_tty act on a ^S behind a full buffer at once
 * (lookahead_buf, since 6.0), or only once it is received?
 */
static bool ntty_has_lookahead(void)
{
	static unsigned char fill[NTTY_FULL + 100];
	unsigned char stop = C_STOP;
	int master, slave, i;
	bool stopped = false;

	full_pty(LDISC_N_TTY, fill, sizeof(fill), &master, &slave);
	write_all(master, &stop, 1);
	for (i = 0; i < 20 && !stopped; i++) {
		stopped = output_stopped(master, slave);
		usleep(50000);
	}
	close(slave);
	close(master);
	return stopped;
}

/*
 * ^E is invisible to flow control, whatever this kernel's n_tty does with
 * a ^S/^Q that waits behind a full buffer: with lookahead (6.0 on) they act
 * at once behind a ^E too, and n_tty's lookahead bookkeeping is not thrown
 * off by the ^E it never sees; without (5.10) they act once received, in
 * order, the ^E consumed between them. Flow control works afterwards.
 */
static void lookahead_test(void)
{
	static unsigned char fill[NTTY_FULL + 100 + 2];
	unsigned char ck = ckpt_char;
	unsigned char step2[] = { 'X', ck, C_STOP, 'Y' };
	unsigned char step3[] = { ck, C_START };
	unsigned char stop = C_STOP, start = C_START;
	size_t len = NTTY_FULL + 100;
	bool lookahead = ntty_has_lookahead();
	int master, slave;

	printf("n_tty %s lookahead\n", lookahead ? "has" : "has no");
	full_pty(LDISC_KCKPT, fill, len, &master, &slave);
	fill[len] = 'X';
	fill[len + 1] = 'Y';
	if (lookahead) {
		/* n_tty is full: these wait in the flip buffer, seen by lookahead */
		write_all(master, step2, sizeof(step2));
		wait_output(master, slave, true, "after ^E ^S behind a full buffer");
		write_all(master, step3, sizeof(step3));
		wait_output(master, slave, false, "after ^E ^Q behind a full buffer");
		read_exactly(slave, fill, len + 2, "full buffer");
	} else {
		/* received as the buffer drains: ^S stops, ^Q (with room) starts */
		write_all(master, step2, sizeof(step2));
		read_exactly(slave, fill, len + 2, "full buffer");
		wait_output(master, slave, true, "after ^E ^S once received");
		write_all(master, step3, sizeof(step3));
		wait_output(master, slave, false, "after ^E ^Q once received");
	}

	/* n_tty's lookahead count must not include the ^E it never saw */
	write_all(master, &stop, 1);
	wait_output(master, slave, true, "after a later ^S");
	write_all(master, &start, 1);
	wait_output(master, slave, false, "after a later ^Q");
	write_all(master, (const unsigned char *)"Z", 1);
	read_exactly(slave, (const unsigned char *)"Z", 1, "after the stream");
	proto_pass("^S/^Q behind a full buffer act %s and flow control works after (ckpt_char %u)",
		   lookahead ? "at once (lookahead)" : "once received (no lookahead)",
		   ckpt_char);
}

static void sti_test(void)
{
	unsigned char in[] = { 'a', ckpt_char, 'b', ckpt_char, ckpt_char, 'c' };
	int master, slave;
	size_t i;

	open_pty(&master, &slave);
	set_ldisc(slave, LDISC_KCKPT);
	set_input_mode(slave, true, false);
	for (i = 0; i < sizeof(in); i++)
		if (ioctl(slave, TIOCSTI, &in[i]))
			proto_fail("TIOCSTI: %s", strerror(errno));
	read_exactly(slave, (const unsigned char *)"abc", 3, "TIOCSTI");
	write_all(master, (const unsigned char *)"d", 1);
	read_exactly(slave, (const unsigned char *)"d", 1, "after TIOCSTI");
	proto_pass("TIOCSTI: the checkpoint character is consumed, the rest arrives");
}

static void hold_test(void)
{
	int master, slave;

	open_pty(&master, &slave);
	set_ldisc(slave, LDISC_KCKPT);
	proto_ready();
	proto_wait();
	set_ldisc(slave, LDISC_N_TTY);
	printf("BACK\n");
	fflush(stdout);
	proto_go = 0;
	proto_wait();
	proto_pass("held line discipline %d, then N_TTY", LDISC_KCKPT);
}

static volatile sig_atomic_t type_ckpt;

static void on_usr2(int sig)
{
	(void)sig;
	type_ckpt = 1;
}

static void fg_run(char **argv)
{
	struct sigaction sa = { .sa_handler = on_usr2 };
	int master, slave, status;
	unsigned char buf[4096];
	pid_t child;
	ssize_t n;

	open_pty(&master, &slave);
	set_ldisc(slave, LDISC_KCKPT);
	sigaction(SIGUSR2, &sa, NULL);
	child = fork();
	if (child < 0)
		proto_fail("fork: %s", strerror(errno));
	if (!child) {
		close(master);
		if (setsid() < 0 || ioctl(slave, TIOCSCTTY, 0))
			proto_fail("setsid/TIOCSCTTY: %s", strerror(errno));
		dup2(slave, 0);
		dup2(slave, 1);
		dup2(slave, 2);
		if (slave > 2)
			close(slave);
		signal(SIGUSR2, SIG_DFL);
		if (chdir(argv[0]))
			proto_fail("chdir %s: %s", argv[0], strerror(errno));
		execv(argv[1], argv + 1);
		proto_fail("exec %s: %s", argv[1], strerror(errno));
	}
	close(slave);
	printf("CHILD %d\n", child);
	fflush(stdout);
	for (;;) {
		if (type_ckpt) {
			type_ckpt = 0;
			write_all(master, &ckpt_char, 1);
		}
		if (!readable(master, 100))
			continue;
		n = read(master, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;		/* EIO: the job closed the terminal */
		write_all(1, buf, (size_t)n);
	}
	if (waitpid(child, &status, 0) != child)
		proto_fail("waitpid: %s", strerror(errno));
	exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2)
		proto_fail("usage: tty_ldisc stream|lookahead|sti|hold|fg ...");
	proto_init();
	read_ckpt_char();
	if (!strcmp(argv[1], "stream") && argc == 3)
		stream_test(argv[2]);
	if (!strcmp(argv[1], "lookahead"))
		lookahead_test();
	if (!strcmp(argv[1], "sti"))
		sti_test();
	if (!strcmp(argv[1], "hold"))
		hold_test();
	if (!strcmp(argv[1], "fg") && argc >= 4)
		fg_run(argv + 2);
	proto_fail("bad arguments");
}
