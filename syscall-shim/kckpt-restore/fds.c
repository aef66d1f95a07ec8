// SPDX-License-Identifier: GPL-2.0
/*
 * File descriptors. First the helper's own descriptors move above every
 * number the image uses and everything else is closed (step 3); then each
 * saved descriptor is reopened by path, checked against the identity
 * recorded at checkpoint time, positioned, and put at its number (step 6).
 * Terminal descriptors are rebound to the terminal of `checkpt -r`; when
 * it has none (a script, a service), to /dev/null, with a warning.
 */
#include <asm/ioctls.h>
#include <asm/stat.h>
#include <asm/termbits.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/resource.h>
#include <linux/stat.h>

#include "restore.h"
#include "sys.h"
#include "util.h"

_Static_assert(sizeof(struct kckpt_termios) == sizeof(struct termios2),
	       "struct kckpt_termios must be laid out as struct termios2");

/* Open-time flags that must not be replayed when reopening a file. */
#define KR_NOT_REPLAYED	(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC | O_PATH | \
			 __O_TMPFILE | FASYNC)
/* Status flags of a terminal's open file that F_SETFL can give back. */
#define KR_TTY_STATUS	(O_APPEND | O_NONBLOCK)

static int kr_is_tty(int fd)
{
	struct termios t;

	return sys_ioctl(fd, TCGETS, &t) == 0;
}

static int kr_accmode(int fd)
{
	long fl = sys_fcntl(fd, F_GETFL, 0);

	return fl < 0 ? -1 : (int)(fl & O_ACCMODE);
}

/*
 * Makes room for descriptors below @need (the image's, then the helper's
 * kept ones) until the saved limits are restored at the end.
 */
static void kr_fd_room(struct kr_state *st, unsigned long need)
{
	struct kr_rlimit64 lim;
	long r = sys_prlimit64(0, RLIMIT_NOFILE, 0, &lim);

	if (r < 0)
		kr_die(KR_EXIT_FAILED, "reading the open files limit: %s", kr_errstr(r));
	if (lim.cur >= need)
		return;
	if (lim.max < need)
		kr_die(KR_EXIT_FAILED, "the image uses fd %d, beyond the open files limit here (%llu)",
		       st->begin.max_fd, (unsigned long long)lim.max);
	lim.cur = need;
	r = sys_prlimit64(0, RLIMIT_NOFILE, &lim, 0);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "raising the open files limit: %s", kr_errstr(r));
}

static int kr_dup_high(int fd, int min, const char *what)
{
	long r = sys_fcntl(fd, F_DUPFD_CLOEXEC, min);

	if (r < 0)
		kr_die(KR_EXIT_FAILED, "moving the %s descriptor above %d: %s", what,
		       min - 1, kr_errstr(r));
	return (int)r;
}

static void kr_close_range(unsigned int first, unsigned int last)
{
	long r;

	if (first > last)
		return;
	r = sys_close_range(first, last, 0);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "closing descriptors %u-%u: %s", first, last,
		       kr_errstr(r));
}

void kr_fds_prepare(struct kr_state *st)
{
	int min = st->begin.max_fd + 1 > 3 ? st->begin.max_fd + 1 : 3;
	int keep[4], nkeep = 0, tty_src = -1, i, fd;
	unsigned int next = 0;

	/* the kept descriptors: image, device, terminal, stderr (4) + slack */
	kr_fd_room(st, (unsigned long)min + 8);
	/* the restore terminal: the first of fds 0-2 open O_RDWR, else the first */
	for (fd = 0; fd <= 2; fd++) {
		if (!kr_is_tty(fd))
			continue;
		if (tty_src < 0)
			tty_src = fd;
		if (kr_accmode(fd) == O_RDWR) {
			tty_src = fd;
			break;
		}
	}
	for (i = 0; i < 3; i++)
		st->tty_by_mode[i] = -1;

	/* F_DUPFD hands out the lowest free number >= min: ascending here */
	st->dev_fd = keep[nkeep++] = kr_dup_high(st->dev_fd, min, KCKPT_DEVICE_PATH);
	st->image_fd = keep[nkeep++] = kr_dup_high(st->image_fd, min, "image");
	st->tty_fd = tty_src < 0 ? -1 : (keep[nkeep++] = kr_dup_high(tty_src, min, "terminal"));
	if (sys_fcntl(2, F_GETFD, 0) >= 0)
		kr_err_fd = keep[nkeep++] = kr_dup_high(2, min, "stderr");
	else
		kr_err_fd = -1;

	/* close everything else: the gaps around the kept numbers */
	for (i = 0; i < nkeep; i++) {
		kr_close_range(next, (unsigned int)keep[i] - 1);
		next = (unsigned int)keep[i] + 1;
	}
	kr_close_range(next, ~0U);
}

/* A saved descriptor's note, checked: returns its path. */
static const char *kr_fd_note(struct kr_state *st, __u32 index,
			      struct kckpt_fd *f, int prev_fd)
{
	static union {
		struct kckpt_fd fd;
		char raw[sizeof(struct kckpt_fd) + KR_PATH_MAX + 256];
	} buf;
	long len = kr_note(st, KCKPT_NT_FD, index, &buf, sizeof(buf),
			   "file descriptor", 0);
	const char *path = buf.raw;

	/* struct kckpt_fd (@hdr_size bytes), then @path_len bytes of path */
	if (len >= (long)sizeof(*f) && buf.fd.hdr_size >= sizeof(*f) &&
	    buf.fd.hdr_size <= len)
		path += buf.fd.hdr_size;
	if (path == buf.raw || buf.fd.path_len < 2 ||
	    buf.fd.path_len > len - buf.fd.hdr_size ||
	    path[buf.fd.path_len - 1] ||
	    kr_strlen(path) != buf.fd.path_len - 1)
		kr_die(KR_EXIT_FAILED, "file descriptor note %u of %s is malformed",
		       index, st->image_path);
	*f = buf.fd;
	if (f->fd <= prev_fd || f->fd > st->begin.max_fd)
		kr_die(KR_EXIT_FAILED, "file descriptor note %u of %s has fd %d out of order",
		       index, st->image_path, f->fd);
	return path;
}

/*
 * The restore terminal's open file, if its access mode covers the saved
 * one (normally: a shell opens its terminal O_RDWR); else the terminal
 * reopened once per access mode through /proc/self/fd (e.g. a console
 * with stdin O_RDONLY and stdout O_WRONLY), kept above the image's fds.
 */
static int kr_tty_source(struct kr_state *st, const struct kckpt_fd *f)
{
	int want = (int)(f->flags & O_ACCMODE), have = kr_accmode(st->tty_fd);
	char path[32];
	long r, hi;

	if (want > O_RDWR)
		want = O_RDWR;
	if (have == O_RDWR || have == want)
		return st->tty_fd;
	if (st->tty_by_mode[want] >= 0)
		return st->tty_by_mode[want];
	kr_fmt(path, sizeof(path), "/proc/self/fd/%d", st->tty_fd);
	r = sys_open(path, want | O_NOCTTY | O_CLOEXEC, 0);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "reopening the terminal %s for fd %d: %s",
		       want == O_RDONLY ? "for reading" : want == O_WRONLY ?
		       "for writing" : "for reading and writing", f->fd, kr_errstr(r));
	hi = sys_fcntl((int)r, F_DUPFD_CLOEXEC, st->begin.max_fd + 1);
	sys_close((int)r);
	if (hi < 0)
		kr_die(KR_EXIT_FAILED, "moving the terminal above fd %d: %s",
		       st->begin.max_fd, kr_errstr(hi));
	return st->tty_by_mode[want] = (int)hi;
}

/* Moves the freshly opened @tmp to the saved number, with its FD_CLOEXEC. */
static void kr_fd_put(long tmp, const struct kckpt_fd *f, const char *path)
{
	long r;

	if (tmp == f->fd) {
		r = f->cloexec ? sys_fcntl(tmp, F_SETFD, FD_CLOEXEC) : 0;
	} else {
		r = sys_dup3(tmp, f->fd, f->cloexec ? O_CLOEXEC : 0);
		sys_close(tmp);
	}
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "%s: putting it at fd %d: %s", path, f->fd,
		       kr_errstr(r));
}

/* A terminal fd restored where there is no terminal: /dev/null. */
static void kr_fd_tty_to_null(const struct kckpt_fd *f)
{
	int flags = (int)(f->flags & (O_ACCMODE | KR_TTY_STATUS)) | O_NOCTTY;
	long tmp = sys_open("/dev/null", flags, 0);

	if (tmp < 0)
		kr_die(KR_EXIT_FAILED, "opening /dev/null for fd %d: %s", f->fd,
		       kr_errstr(tmp));
	kr_fd_put(tmp, f, "/dev/null");
	kr_warn("fd %d was a terminal and checkpt -r has none: it is /dev/null now",
		f->fd);
}

/* Terminal: the restore terminal, with the saved status flags and modes. */
static void kr_fd_tty(struct kr_state *st, const struct kckpt_fd *f)
{
	long r, fl;

	if (st->tty_fd < 0)
		return kr_fd_tty_to_null(f);
	r = sys_dup3(kr_tty_source(st, f), f->fd, f->cloexec ? O_CLOEXEC : 0);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "putting the terminal at fd %d: %s", f->fd,
		       kr_errstr(r));
	/*
	 * The open file is shared with `checkpt -r`'s caller (as the original
	 * process shared its terminal with its shell): give back O_NONBLOCK
	 * and O_APPEND as they were.
	 */
	fl = sys_fcntl(f->fd, F_GETFL, 0);
	if (fl >= 0 && (fl & KR_TTY_STATUS) != (f->flags & KR_TTY_STATUS))
		fl = sys_fcntl(f->fd, F_SETFL, (fl & ~KR_TTY_STATUS) | (f->flags & KR_TTY_STATUS));
	if (fl < 0)
		kr_die(KR_EXIT_FAILED, "setting the flags of terminal fd %d: %s",
		       f->fd, kr_errstr(fl));
	if (!f->termios_valid)
		return;
	r = sys_ioctl(f->fd, TCSETS2, (void *)&f->termios);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "setting the terminal modes of fd %d: %s",
		       f->fd, kr_errstr(r));
}

/* Anything reopened by path: regular files, directories, devices. */
static void kr_fd_file(const struct kckpt_fd *f, const char *path)
{
	int flags = (int)(f->flags & ~KR_NOT_REPLAYED) | O_NOCTTY;
	struct stat sb;
	long tmp, r;

	if (path[0] != '/')
		kr_die(KR_EXIT_FAILED, "fd %d: \"%s\" is not an absolute path", f->fd, path);
	if (f->kind == KCKPT_FD_DIRECTORY)
		flags = (flags & ~O_ACCMODE) | O_RDONLY | O_DIRECTORY;
	tmp = sys_open(path, flags, 0);
	if (tmp < 0)
		kr_die(KR_EXIT_FAILED, "reopening %s (fd %d): %s", path, f->fd,
		       kr_errstr(tmp));
	r = sys_fstat(tmp, &sb);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "%s (fd %d): fstat: %s", path, f->fd, kr_errstr(r));

	switch (f->kind) {
	case KCKPT_FD_REGULAR:
	case KCKPT_FD_DIRECTORY:
		if ((f->kind == KCKPT_FD_REGULAR ? !S_ISREG(sb.st_mode) : !S_ISDIR(sb.st_mode)) ||
		    sb.st_dev != f->dev || sb.st_ino != f->ino)
			kr_die(KR_EXIT_FAILED, "%s changed since the checkpoint (fd %d: not the same file)",
			       path, f->fd);
		if (f->pos) {
			r = sys_lseek(tmp, f->pos, 0 /* SEEK_SET */);
			if (r < 0)
				kr_die(KR_EXIT_FAILED, "%s (fd %d): seeking to %lld: %s", path,
				       f->fd, (long long)f->pos, kr_errstr(r));
		}
		break;
	case KCKPT_FD_CHARDEV:
		if (!S_ISCHR(sb.st_mode) || sb.st_rdev != f->rdev)
			kr_die(KR_EXIT_FAILED, "%s changed since the checkpoint (fd %d: not the same device)",
			       path, f->fd);
		break;
	default:		/* KCKPT_FD_KCKPT */
		if (!S_ISCHR(sb.st_mode))
			kr_die(KR_EXIT_FAILED, "%s (fd %d) is not a character device", path, f->fd);
		break;
	}

	kr_fd_put(tmp, f, path);
}

void kr_fds_restore(struct kr_state *st)
{
	struct kckpt_fd f;
	int prev = -1;
	__u32 i;

	for (i = 0; i < st->begin.nr_fds; i++) {
		const char *path = kr_fd_note(st, i, &f, prev);

		prev = f.fd;
		switch (f.kind) {
		case KCKPT_FD_TTY:
			kr_fd_tty(st, &f);
			break;
		case KCKPT_FD_REGULAR:
		case KCKPT_FD_DIRECTORY:
		case KCKPT_FD_CHARDEV:
		case KCKPT_FD_KCKPT:
			kr_fd_file(&f, path);
			break;
		default:
			kr_die(KR_EXIT_FAILED, "fd %d of %s has kind %u, which this kckpt-restore cannot reopen",
			       f.fd, st->image_path, f.kind);
		}
	}
	/* the restore terminal's descriptors are not part of the restored process */
	for (i = 0; i < 3; i++)
		if (st->tty_by_mode[i] >= 0)
			sys_close(st->tty_by_mode[i]);
	if (st->tty_fd >= 0)
		sys_close(st->tty_fd);
	st->tty_fd = -1;
}
