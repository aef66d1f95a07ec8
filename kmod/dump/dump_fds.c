// SPDX-License-Identifier: GPL-2.0
/*
 * Open file descriptors: what KCkpt can reopen on restore (regular files,
 * directories, the harmless character devices, terminals, /dev/kckpt) is
 * recorded; anything else is refused, naming the fd and its kind.
 */
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/major.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/tty.h>

#include "core/compat.h"
#include "dump/dump.h"
#include "core/file_id.h"
#include "core/kckpt.h"

static bool kckpt_is_mem_chardev(unsigned int maj, unsigned int min)
{
	/* /dev/null, /dev/zero, /dev/full, /dev/random, /dev/urandom */
	return maj == MEM_MAJOR &&
	       (min == 3 || min == 5 || min == 7 || min == 8 || min == 9);
}

static bool kckpt_is_tty_slave(unsigned int maj, unsigned int min)
{
	if (maj >= UNIX98_PTY_SLAVE_MAJOR &&
	    maj < UNIX98_PTY_SLAVE_MAJOR + UNIX98_PTY_MAJOR_COUNT)
		return true;
	/* /dev/tty and /dev/console, but not /dev/ptmx (5:2) */
	return maj == TTY_MAJOR || (maj == TTYAUX_MAJOR && min < 2);
}

static u32 kckpt_chardev_kind(struct kckpt_dump *d, int fd, struct file *f)
{
	dev_t rdev = file_inode(f)->i_rdev;

	if (kckpt_file_is_device(f))
		return KCKPT_FD_KCKPT;
	if (kckpt_is_mem_chardev(MAJOR(rdev), MINOR(rdev)))
		return KCKPT_FD_CHARDEV;
	if (kckpt_is_tty_slave(MAJOR(rdev), MINOR(rdev)))
		return KCKPT_FD_TTY;
	kckpt_reason(d->req, "fd %d is the character device %s (%u:%u), which cannot be checkpointed",
		     fd, kckpt_path(d, &f->f_path), MAJOR(rdev), MINOR(rdev));
	return 0;
}

/* The kind of an open file, or 0 with a reason when it cannot be saved. */
static u32 kckpt_fd_kind(struct kckpt_dump *d, int fd, struct file *f)
{
	umode_t mode = file_inode(f)->i_mode;
	const char *what;

	if (f->f_mode & FMODE_PATH)
		what = "an O_PATH descriptor";
	else if (S_ISREG(mode) && !kckpt_path_reachable(&f->f_path))
		what = "a deleted or anonymous file";
	else if (S_ISREG(mode))
		return KCKPT_FD_REGULAR;
	else if (S_ISDIR(mode))
		return KCKPT_FD_DIRECTORY;
	else if (S_ISCHR(mode))
		return kckpt_chardev_kind(d, fd, f);
	else if (S_ISFIFO(mode))
		what = "a pipe or FIFO";
	else if (S_ISSOCK(mode))
		what = "a socket";
	else
		what = "a kernel object";
	kckpt_reason(d->req, "fd %d is %s (%s), which cannot be checkpointed yet",
		     fd, what, kckpt_path(d, &f->f_path));
	return 0;
}

static unsigned int kckpt_fd_limit(bool *cloexec_out, unsigned int fd)
{
	struct fdtable *fdt;
	unsigned int max;

	rcu_read_lock();
	fdt = files_fdtable(current->files);
	max = fdt->max_fds;
	if (cloexec_out)
		*cloexec_out = fd < max && test_bit(fd, fdt->close_on_exec);
	rcu_read_unlock();
	return max;
}

int kckpt_collect_fds(struct kckpt_dump *d)
{
	unsigned int fd, max = kckpt_fd_limit(NULL, 0);
	int err = 0;

	d->fds = kvcalloc(max, sizeof(*d->fds), KCKPT_GFP_SIZED);
	if (!d->fds)
		return -ENOMEM;
	for (fd = 0; fd < max && !err; fd++) {
		struct kckpt_fd_snap *s = &d->fds[d->nr_fds];
		struct file *f = fget_raw(fd);

		if (!f)
			continue;
		if (f == d->req->image) {
			/* the image being written is not the process's state */
			fput(f);
			continue;
		}
		s->kind = kckpt_fd_kind(d, fd, f);
		if (!s->kind) {
			fput(f);
			err = -EOPNOTSUPP;
			break;
		}
		s->fd = fd;
		s->file = f;
		kckpt_fd_limit(&s->cloexec, fd);
		d->nr_fds++;
	}
	return err;
}

void kckpt_release_fds(struct kckpt_dump *d)
{
	int i;

	for (i = 0; i < d->nr_fds; i++)
		fput(d->fds[i].file);
	kvfree(d->fds);
	d->fds = NULL;
	d->nr_fds = 0;
}

static void kckpt_fd_identity(struct kckpt_fd *v, struct file *f)
{
	struct kckpt_file_id id;

	if (kckpt_file_id(&f->f_path, &id))
		return;
	v->dev = id.dev;
	v->ino = id.ino;
	v->size = id.size;
	v->mtime_sec = id.mtime_sec;
	v->mtime_nsec = id.mtime_nsec;
	v->rdev = id.rdev;
}

static void kckpt_fd_termios(struct kckpt_fd *v, struct file *f)
{
	/* an open tty's private_data is its tty_file_private */
	struct tty_struct *tty = ((struct tty_file_private *)f->private_data)->tty;
	struct ktermios *t = &tty->termios;

	down_read(&tty->termios_rwsem);
	v->termios.iflag = t->c_iflag;
	v->termios.oflag = t->c_oflag;
	v->termios.cflag = t->c_cflag;
	v->termios.lflag = t->c_lflag;
	v->termios.line = t->c_line;
	memcpy(v->termios.cc, t->c_cc, min(sizeof(v->termios.cc), sizeof(t->c_cc)));
	v->termios.ispeed = t->c_ispeed;
	v->termios.ospeed = t->c_ospeed;
	up_read(&tty->termios_rwsem);
	v->termios_valid = 1;
}

int kckpt_note_fds(struct kckpt_dump *d)
{
	int i, err = 0;

	for (i = 0; i < d->nr_fds && !err; i++) {
		const struct kckpt_fd_snap *s = &d->fds[i];
		const char *path = kckpt_path(d, &s->file->f_path);
		struct kckpt_fd v = {
			.hdr_size = sizeof(v), .fd = s->fd, .kind = s->kind,
			.cloexec = s->cloexec, .flags = s->file->f_flags,
			.mode = file_inode(s->file)->i_mode,
			.pos = s->file->f_pos, .path_len = strlen(path) + 1,
		};

		kckpt_fd_identity(&v, s->file);
		if (s->kind == KCKPT_FD_TTY)
			kckpt_fd_termios(&v, s->file);
		err = kckpt_note_add3(&d->img, KCKPT_NOTE_NAME, KCKPT_NT_FD,
				      &v, sizeof(v), path, v.path_len, NULL, 0);
	}
	return err;
}
