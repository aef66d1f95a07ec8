// SPDX-License-Identifier: GPL-2.0
/*
 * Raw-ioctl fuzzer of /dev/kckpt: every command with every size encoding
 * (0, below *_SIZE_VER0, exact, longer with a zero or a non-zero tail, up
 * to the largest _IOC_SIZE), random contents, bad pointers (NULL, kernel
 * half, unmapped, PROT_NONE, read-only for the answers, crossing into a
 * PROT_NONE page), unknown command numbers, every kind of descriptor where
 * a descriptor is expected, and restore sessions begun, read and finished
 * in random orders on shared and separate descriptors: across fork, from a
 * second thread, passed with SCM_RIGHTS. A few real checkpoints and
 * requests of a forked child that only pause()s.
 *
 * Never allowed to replace the fuzzer itself: in this process FINISH is
 * only called with arguments that must be refused; a FINISH that may
 * succeed runs in a forked child, which becomes the fuzzer's own seed
 * image and exits with its resume code (or is killed by the module).
 *
 * Fails on: a call that must be refused succeeding, a call that must
 * succeed failing, a child dying by a signal other than SIGKILL, a hang
 * (alarm watchdog, naming the call). The harness checks the kernel log.
 *
 * usage: ioctl_fuzz SEED ITERATIONS [WORKDIR]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#include <uapi/kckpt.h>

#include "protocol.h"

#define PG		4096UL
#define MAX_IOC_SIZE	((1U << _IOC_SIZEBITS) - 1)
#define WATCHDOG_S	60	/* per iteration (real dumps under TCG) */
#define CHILD_WATCHDOG_S 40
#define NDEV		4
#define CHILD_BAD	99	/* a child saw a wrong answer (it printed why) */
#define SEED_CODE	42	/* the seed image's resume code */

/* ---------------------------------------------------------------- rng */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t x = rng_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static unsigned int rn(unsigned int n)
{
	return n ? (unsigned int)(rnd() % n) : 0;
}

static int chance(unsigned int one_in)
{
	return rn(one_in) == 0;
}

/* ----------------------------------------------------- watchdog, report */

static unsigned long g_seed, g_iter;
static pid_t main_pid;
static char g_call[256];
static const char *g_who = "fuzzer";

static void on_alarm(int sig)
{
	char buf[512];
	int n;

	(void)sig;
	n = snprintf(buf, sizeof(buf),
		     "FAIL: hang: seed %lu iteration %lu (%s): %s did not return\n",
		     g_seed, g_iter, g_who, g_call);
	if (write(1, buf, n) < 0)
		n = 0;
	_exit(getpid() == main_pid ? 1 : CHILD_BAD);
}

__attribute__((format(printf, 1, 2)))
static void call_is(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(g_call, sizeof(g_call), fmt, ap);
	va_end(ap);
}

/* A wrong answer: in a child it exits CHILD_BAD, the parent reports it. */
__attribute__((noreturn, format(printf, 1, 2)))
static void bad(const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printf("FAIL: seed %lu iteration %lu (%s): %s [last call: %s]\n",
	       g_seed, g_iter, g_who, msg, g_call);
	fflush(stdout);
	_exit(getpid() == main_pid ? 1 : CHILD_BAD);
}

static const char *err_name(int e)
{
	switch (e) {
	case 0: return "success";
	case EINVAL: return "EINVAL";
	case EFAULT: return "EFAULT";
	case E2BIG: return "E2BIG";
	case EPERM: return "EPERM";
	case EBUSY: return "EBUSY";
	case EBADF: return "EBADF";
	case ENOTTY: return "ENOTTY";
	case ENOENT: return "ENOENT";
	case ESRCH: return "ESRCH";
	default: return strerror(e);
	}
}

/* ------------------------------------------------------------- state */

struct fdk {
	const char *name;
	int fd;
	int image;		/* BEGIN accepts it: the seed image */
};

#define MAX_FDS 40
static struct fdk fds[MAX_FDS];
static int nfds;

enum { S_NONE, S_MINE, S_OTHER, S_UNKNOWN };
static int devs[NDEV], dev_state[NDEV];

static char *workdir;
static int img_ro = -1, img_rw = -1, img_memfd = -1, empty_memfd = -1;
static int last_begin_image;
static pid_t target = -1;
static int target_mode;	/* SIGCKPT: 0 default, 1 ignored, 2 handled */
static int target_proof = -1, target_proof_idx = -1;
static unsigned long real_ops, real_max;
static unsigned long n_ioctls, n_restored;

/* Every region for struct pointers. */
static unsigned char *rw;	/* 4 RW pages, then one PROT_NONE */
static unsigned char *ro;	/* 2 read-only pages */
static unsigned char *unmapped;	/* a page that was unmapped */
static unsigned char *buf_rw;	/* NOTE buffers */
static unsigned char ustruct[MAX_IOC_SIZE + 1];

static void add_fd(const char *name, int fd, int image)
{
	if (nfds < MAX_FDS)
		fds[nfds++] = (struct fdk){ name, fd, image };
}

static long do_ioctl(int fd, unsigned long cmd, void *arg)
{
	long r;

	n_ioctls++;
	r = ioctl(fd, cmd, arg);
	return r;
}

/* ------------------------------------------------------ pointer kinds */

enum { P_GOOD, P_MISALIGN, P_EDGE, P_CROSS, P_NULL, P_KERNEL, P_VSYSCALL,
       P_UNMAPPED, P_PROTNONE, P_RO, P_NKINDS };
static const char *const pname[] = {
	"good", "misaligned", "at-edge", "crossing-PROT_NONE", "NULL",
	"kernel-half", "vsyscall", "unmapped", "PROT_NONE", "read-only",
};

/* Places @size bytes of ustruct per @kind; returns the pointer. */
static void *place(int kind, size_t size)
{
	size_t cross;

	switch (kind) {
	case P_GOOD:
		memcpy(rw, ustruct, size);
		return rw;
	case P_MISALIGN:
		if (size + 3 > 4 * PG)
			return place(P_GOOD, size);
		memcpy(rw + 3, ustruct, size);
		return rw + 3;
	case P_EDGE:
		if (size > 4 * PG)
			return place(P_GOOD, size);
		memcpy(rw + 4 * PG - size, ustruct, size);
		return rw + 4 * PG - size;
	case P_CROSS:
		if (!size || size > 4 * PG)
			return rw + 4 * PG - 1;
		cross = 1 + rn(size);
		memcpy(rw + 4 * PG - size + cross, ustruct, size - cross);
		return rw + 4 * PG - size + cross;
	case P_NULL:
		return NULL;
	case P_KERNEL:
		return (void *)(0xffff888000000000UL + rn(1 << 20) * 8);
	case P_VSYSCALL:
		return (void *)0xffffffffff600000UL;
	case P_UNMAPPED:
		return unmapped;
	case P_PROTNONE:
		return rw + 4 * PG;
	default:
		if (size > 2 * PG)
			size = 2 * PG;
		mprotect(ro, 2 * PG, PROT_READ | PROT_WRITE);
		memcpy(ro, ustruct, size);
		mprotect(ro, 2 * PG, PROT_READ);
		return ro;
	}
}

static int ptr_readable(int kind, size_t size)
{
	if (kind == P_CROSS)
		return size == 0;
	return kind <= P_EDGE || kind == P_RO || size == 0;
}

/* -------------------------------------------------- command descriptors */

struct cmd {
	const char *name;
	unsigned int nr;
	size_t ksize, ver0;
};

static const struct cmd cmds[] = {
	{ "VERSION", KCKPT_NR_VERSION, sizeof(struct kckpt_version), KCKPT_VERSION_SIZE_VER0 },
	{ "CHECKPOINT", KCKPT_NR_CHECKPOINT, sizeof(struct kckpt_checkpoint), KCKPT_CHECKPOINT_SIZE_VER0 },
	{ "RESTORE_BEGIN", KCKPT_NR_RESTORE_BEGIN, sizeof(struct kckpt_restore_begin), KCKPT_RESTORE_BEGIN_SIZE_VER0 },
	{ "RESTORE_NOTE", KCKPT_NR_RESTORE_NOTE, sizeof(struct kckpt_restore_note), KCKPT_RESTORE_NOTE_SIZE_VER0 },
	{ "RESTORE_FINISH", KCKPT_NR_RESTORE_FINISH, sizeof(struct kckpt_restore_finish), KCKPT_RESTORE_FINISH_SIZE_VER0 },
	{ "REQUEST", KCKPT_NR_REQUEST, sizeof(struct kckpt_request), KCKPT_REQUEST_SIZE_VER0 },
};
#define NCMDS (sizeof(cmds) / sizeof(cmds[0]))

static size_t pick_size(const struct cmd *c)
{
	switch (rn(12)) {
	case 0: return 0;
	case 1: return rn(c->ver0);
	case 2: return c->ver0;
	case 3: return c->ver0 + rn(c->ksize - c->ver0 + 1);
	case 4: return c->ksize + 1 + rn(64);
	case 5: return c->ksize + rn(PG - c->ksize + 1);
	case 6: return PG + 1 + rn(MAX_IOC_SIZE - PG);
	case 7: return MAX_IOC_SIZE;
	case 8: return PG;
	default: return c->ksize;
	}
}

/* ------------------------------------------------------------ fd kinds */

static int pick_fd(void)
{
	switch (rn(10)) {
	case 0: return -1;
	case 1: return (int)rnd();
	case 2: return 900 + rn(100);	/* never open */
	default: return fds[rn(nfds)].fd;
	}
}

static int fd_is_image(int fd)
{
	int i;

	for (i = 0; i < nfds; i++)
		if (fds[i].fd == fd && fds[i].image)
			return 1;
	return 0;
}

static const char *fd_name(int fd)
{
	int i;

	for (i = 0; i < nfds; i++)
		if (fds[i].fd == fd)
			return fds[i].name;
	return fd < 0 ? "negative" : "closed";
}

/* ---------------------------------------------------- the seed image */

/* A fork of this process checkpoints itself: the image a FINISH becomes. */
static void make_seed_image(void)
{
	struct kckpt_checkpoint a = {
		.size = sizeof(a), .pid = KCKPT_PID_SELF, .proof_fd = -1,
		.resume_code = SEED_CODE,
	};
	int status, dev;
	long r;
	pid_t pid;

	unlink("seed.img");
	unlink("seed.why");
	pid = fork();
	proto_must(pid >= 0, "fork");
	if (!pid) {
		/* only what an image holds: /dev/null on 0-2 */
		dev = open("/dev/null", O_RDWR);
		dup2(dev, 0);
		dup2(dev, 1);
		dup2(dev, 2);
		for (r = 3; r < 1024; r++)
			close(r);
		dev = open(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC);
		a.image_fd = open("seed.img", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (dev < 0 || a.image_fd < 0)
			_exit(3);
		r = ioctl(dev, KCKPT_IOC_CHECKPOINT, &a);
		if (r > 0)
			_exit((int)r);	/* restored: the resume code */
		if (r < 0) {
			dev = open("seed.why", O_WRONLY | O_CREAT, 0600);
			dprintf(dev, "%s: %s", strerror(errno), a.reason);
			_exit(4);
		}
		_exit(0);
	}
	proto_must(waitpid(pid, &status, 0) == pid, "waitpid seed");
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		char why[256] = "";
		int fd = open("seed.why", O_RDONLY);

		if (fd >= 0 && read(fd, why, sizeof(why) - 1) < 0)
			why[0] = 0;
		unlink("seed.why");
		proto_fail("cannot make the seed image (status 0x%x, pid %d of %d, child %d): %s",
			   status, getpid(), main_pid, pid, why);
	}
}

static void copy_into_memfd(int from, int to)
{
	char b[65536];
	ssize_t n;
	off_t off = 0;

	while ((n = pread(from, b, sizeof(b), off)) > 0) {
		proto_must(pwrite(to, b, n, off) == n, "memfd write");
		off += n;
	}
}

/* -------------------------------------------------------- the target */

static void on_sigckpt(int sig)
{
	(void)sig;
}

static void kill_target(void)
{
	if (target > 0) {
		kill(target, SIGKILL);
		waitpid(target, NULL, 0);
	}
	target = -1;
	if (target_proof >= 0) {
		fds[target_proof_idx].fd = -1;	/* now a closed number */
		close(target_proof);
	}
	target_proof = -1;
}

static void spawn_target(void)
{
	struct sigaction sa = { .sa_handler = on_sigckpt };
	char path[64], c;
	int i, nul, ready[2];

	target_mode = rn(3);
	proto_must(!pipe(ready), "pipe");
	target = fork();
	proto_must(target >= 0, "fork target");
	if (!target) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		alarm(0);
		nul = open("/dev/null", O_RDWR);
		dup2(nul, 0);
		dup2(nul, 1);
		dup2(nul, 2);
		for (i = 3; i < 1024; i++)
			close(i);
		if (target_mode == 1)
			sa.sa_handler = SIG_IGN;
		if (target_mode) {
			sigaction(KCKPT_SIGCKPT_DEFAULT, &sa, NULL);
			sigaction(KCKPT_SIGCKPTEXIT_DEFAULT, &sa, NULL);
		}
		/* ready[1] is closed too: its end of file says so */
		for (;;)
			pause();
	}
	close(ready[1]);
	call_is("waiting for the target to be ready");
	if (read(ready[0], &c, 1) != 0)
		proto_fail("the target's ready pipe");
	close(ready[0]);
	snprintf(path, sizeof(path), "/proc/%d/mem", target);
	target_proof = open(path, O_RDONLY);
	if (target_proof < 0)
		proto_fail("cannot open %s: %s", path, strerror(errno));
	fds[target_proof_idx].fd = target_proof;
}

/* The target gone (a KILL flag, a request to exit)? Then a new one. */
static void check_target(void)
{
	int status;

	if (target > 0 && waitpid(target, &status, WNOHANG) == target) {
		if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
			bad("the target ended with status 0x%x", status);
		target = -1;
		kill_target();
	}
	if (target < 0)
		spawn_target();
}

/* ---------------------------------------------------- struct contents */

static int pick_pid(void)
{
	switch (rn(9)) {
	case 0: return 0;
	case 1: return getpid();
	case 2: return -1;
	case 3: return 1;
	case 4: return INT32_MIN;
	case 5: return (int)rnd();
	case 6: return 4194304 + 1;
	default: return target;
	}
}

static uint64_t pick_uptr(void)
{
	switch (rn(8)) {
	case 0: return 0;
	case 1: return 0xffff888000000000ULL;
	case 2: return (uint64_t)(uintptr_t)unmapped;
	case 3: return (uint64_t)(uintptr_t)(rw + 4 * PG);
	case 4: return rnd();
	default: return (uint64_t)(uintptr_t)buf_rw;
	}
}

/* Flips a few random bits of the known part of the struct. */
static void scribble(size_t ksize)
{
	int i, n = rn(4);

	for (i = 0; i < n; i++)
		ustruct[4 + rn(ksize - 4)] ^= 1 << rn(8);
}

/*
 * Fills ustruct for @c with a well-formed (but fuzzed) structure; sets
 * *@must_fail when the module must refuse it whatever else happens, and
 * *@may_succeed when it may be accepted (else it must be refused too).
 */
static void fill_struct(const struct cmd *c, int dev, size_t size,
			int *must_fail, int *expect_ok, int *dirty)
{
	memset(ustruct, 0, c->ksize);
	*must_fail = 0;
	*expect_ok = 0;
	*dirty = chance(4);

	switch (c->nr) {
	case KCKPT_NR_VERSION: {
		struct kckpt_version *v = (void *)ustruct;

		if (*dirty)
			scribble(c->ksize);
		if (size < c->ksize)	/* what the module zero-extends */
			memset(ustruct + size, 0, c->ksize - size);
		*must_fail = v->flags || v->reserved || v->sigckpt ||
			     v->sigckptexit || v->pad[0] || v->pad[1] ||
			     v->pad[2] || v->pad[3] || v->pad[4] ||
			     v->pad[5] || v->pad[6];
		*expect_ok = !*must_fail;
		break;
	}
	case KCKPT_NR_CHECKPOINT: {
		struct kckpt_checkpoint *a = (void *)ustruct;
		uint32_t after = KCKPT_CKPT_STOP | KCKPT_CKPT_KILL;

		a->flags = chance(3) ? 0 : (uint32_t)(rn(2) ? rn(16) : rnd());
		a->pid = pick_pid();
		a->image_fd = pick_fd();
		a->proof_fd = pick_fd();
		a->resume_code = rnd();
		if (chance(3)) {
			a->manifest = pick_uptr();
			a->manifest_len = chance(4) ? rnd() : rn(8192);
		}
		a->timeout_ms = rn(2) ? 0 : rn(3000);
		/* a name in a directory that does not exist, or a bad pointer */
		a->image_path = chance(2) ? (uint64_t)(uintptr_t)"no-such-dir/x" :
			pick_uptr();
		if (a->image_path == (uint64_t)(uintptr_t)buf_rw)
			memset(buf_rw, 'a', PG);	/* no NUL in a page */
		if (*dirty) {
			uint64_t path = a->image_path;

			scribble(c->ksize);
			a->image_path = path;	/* never a name that exists */
		}
		/* never stop or kill this process, never a real dump here */
		if (a->pid == 0 || a->pid == getpid())
			a->flags &= ~after;
		if (fd_is_image(a->image_fd) || a->image_fd == empty_memfd)
			a->image_fd = -1;
		/* no destination the module may write: always refused */
		*must_fail = 1;
		break;
	}
	case KCKPT_NR_REQUEST: {
		struct kckpt_request *q = (void *)ustruct;

		q->flags = chance(2) ? 0 : (uint32_t)rnd();
		q->pid = pick_pid();
		q->proof_fd = pick_fd();
		q->timeout_ms = rn(2) ? 0 : rn(3000);
		if (*dirty)
			scribble(c->ksize);
		/* the real requests are do_real_request's */
		if (q->pid == target && q->proof_fd == target_proof)
			q->proof_fd = -1;
		if (q->pid != target)
			q->flags &= ~KCKPT_REQ_EXIT;
		*must_fail = 1;
		break;
	}
	case KCKPT_NR_RESTORE_BEGIN: {
		struct kckpt_restore_begin *b = (void *)ustruct;

		b->flags = chance(3) ? (uint32_t)rnd() : rn(2);
		b->image_fd = chance(10) ? fds[rn(3)].fd : pick_fd();
		if (*dirty)
			scribble(c->ksize);
		if ((b->flags & ~KCKPT_BEGIN_FLAGS) || !fd_is_image(b->image_fd))
			*must_fail = 1;
		else if (dev_state[dev] == S_NONE)
			*expect_ok = 1;
		else if (dev_state[dev] != S_UNKNOWN)
			*must_fail = 1;	/* EBUSY */
		break;
	}
	case KCKPT_NR_RESTORE_NOTE: {
		struct kckpt_restore_note *n = (void *)ustruct;

		n->type = chance(2) ? KCKPT_NT_BASE + rn(14) :
			  (chance(2) ? rn(0x500) : (uint32_t)rnd());
		n->index = chance(2) ? 0 : (chance(2) ? rn(4) : (uint32_t)rnd());
		n->len = chance(3) ? (uint32_t)rnd() : rn(PG);
		n->buf = pick_uptr();
		if (n->buf == (uint64_t)(uintptr_t)buf_rw && n->len > PG)
			n->len = PG;
		if (*dirty)
			scribble(c->ksize);
		if (dev_state[dev] == S_NONE || dev_state[dev] == S_OTHER)
			*must_fail = 1;
		break;
	}
	case KCKPT_NR_RESTORE_FINISH: {
		struct kckpt_restore_finish *f = (void *)ustruct;

		f->flags = rn(2);
		f->resume_code = rnd();
		f->dev_fd = chance(2) ? devs[dev] : pick_fd();
		f->image_fd = chance(2) ? img_ro : pick_fd();
		if (*dirty)
			scribble(c->ksize);
		/* in this process, FINISH is only ever one that must be refused */
		switch (rn(3)) {
		case 0:
			f->flags |= 1U << (1 + rn(31));
			break;
		case 1:
			f->pad = 1 + rn(0xffff);
			break;
		default:
			f->dev_fd = f->image_fd;
		}
		*must_fail = 1;
		break;
	}
	}
}

/*
 * One call of a known command with a random size encoding, contents and
 * pointer; checks what must be refused is, and what must succeed does.
 */
static void fuzz_known(int dev)
{
	const struct cmd *c = &cmds[rn(NCMDS)];
	int must_fail, expect_ok, dirty, kind, e, tail = 0, size_ok = 1;
	size_t size = pick_size(c), i;
	unsigned long cmd;
	void *p;
	long r;

	fill_struct(c, dev, size, &must_fail, &expect_ok, &dirty);
	if (size > c->ksize)
		memset(ustruct + c->ksize, 0, size - c->ksize);
	*(uint32_t *)ustruct = size;
	if (size > c->ksize && chance(2)) {
		ustruct[c->ksize + rn(size - c->ksize)] = 1 + rn(255);
		tail = 1;
	}
	if (chance(8)) {
		*(uint32_t *)ustruct = chance(2) ? (uint32_t)rnd() : size + 1;
		size_ok = *(uint32_t *)ustruct == size;
	}
	kind = chance(3) ? (int)rn(P_NKINDS) : P_GOOD;
	cmd = _IOC(_IOC_READ | _IOC_WRITE, KCKPT_IOC_MAGIC, c->nr, size);
	p = place(kind, size);
	call_is("%s size %zu (ksize %zu) ptr %s dev %d%s%s%s", c->name, size,
		c->ksize, pname[kind], dev, tail ? " non-zero tail" : "",
		size_ok ? "" : " size field mismatch", dirty ? " scribbled" : "");
	r = do_ioctl(devs[dev], cmd, p);
	e = r < 0 ? errno : 0;

	if (size < c->ver0 || size > PG) {
		if (r >= 0 || e != EINVAL)
			bad("%s with size %zu gave %s, expected EINVAL", c->name,
			    size, err_name(e));
		return;
	}
	if (!ptr_readable(kind, size) || kind == P_RO || tail || !size_ok ||
	    must_fail) {
		if (r >= 0)
			bad("%s was accepted (must be refused)", c->name);
		if (tail && ptr_readable(kind, size) && e != E2BIG &&
		    e != EINVAL && e != EPERM)
			bad("%s with a non-zero tail gave %s", c->name, err_name(e));
		return;
	}
	if (expect_ok && r < 0)
		bad("%s was refused (%s), expected success", c->name, err_name(e));
	if (r < 0)
		return;
	/* accepted: check the answer */
	switch (c->nr) {
	case KCKPT_NR_VERSION: {
		struct kckpt_version v;

		memcpy(&v, p, sizeof(v) < size ? sizeof(v) : size);
		if (v.size != sizeof(v) || v.abi_version != KCKPT_ABI_VERSION)
			bad("VERSION answered size %u abi %u", v.size, v.abi_version);
		for (i = sizeof(v); i < size; i++)
			if (((unsigned char *)p)[i])
				bad("VERSION wrote past its structure (byte %zu)", i);
		break;
	}
	case KCKPT_NR_RESTORE_BEGIN: {
		struct kckpt_restore_begin *b = (void *)ustruct;

		if (!(b->flags & KCKPT_BEGIN_DRY_RUN))
			dev_state[dev] = S_MINE;
		break;
	}
	}
}

/* Unknown commands: a wrong type, direction or number is ENOTTY. */
static void fuzz_unknown(int dev)
{
	unsigned long cmd;
	unsigned int type;
	long r;
	void *p;

	switch (rn(3)) {
	case 0:	/* our magic, a direction other than RW */
		cmd = _IOC(rn(3), KCKPT_IOC_MAGIC, rn(8), rn(MAX_IOC_SIZE + 1));
		break;
	case 1:	/* our magic, RW, an unknown number */
		cmd = _IOC(_IOC_READ | _IOC_WRITE, KCKPT_IOC_MAGIC,
			   NCMDS + rn(256 - NCMDS), rn(MAX_IOC_SIZE + 1));
		break;
	default: /* another magic (never the VFS's own: 'T', 'X', 'f', ...) */
		do
			type = rn(256);
		while (type == KCKPT_IOC_MAGIC || type == 'T' || type == 'X' ||
		       type == 'f' || type == 0x94 || type == 0x15 || type == 0);
		cmd = _IOC(rn(4), type, rn(256), rn(MAX_IOC_SIZE + 1));
	}
	memset(ustruct, 0, 64);
	p = place(rn(2) ? P_GOOD : (int)rn(P_NKINDS), 64);
	call_is("unknown command 0x%lx dev %d", cmd, dev);
	r = do_ioctl(devs[dev], cmd, p);
	if (r >= 0 || errno != ENOTTY)
		bad("unknown command 0x%lx gave %s, expected ENOTTY", cmd,
		    err_name(r >= 0 ? 0 : errno));
}

/* ------------------------------------------------------- session ops */

static long sess_begin(int fd, int image_fd, unsigned int flags)
{
	struct kckpt_restore_begin b = {
		.size = sizeof(b), .flags = flags, .image_fd = image_fd,
	};

	call_is("RESTORE_BEGIN fd %d image %s flags %u", fd, fd_name(image_fd), flags);
	return do_ioctl(fd, KCKPT_IOC_RESTORE_BEGIN, &b) < 0 ? errno : 0;
}

static long sess_note(int fd)
{
	struct kckpt_restore_note n = {
		.size = sizeof(n), .type = KCKPT_NT_IMAGE,
		.len = PG, .buf = (uintptr_t)buf_rw,
	};

	if (chance(2)) {
		n.type = KCKPT_NT_BASE + 1 + rn(11);
		n.index = rn(2);
	}
	call_is("RESTORE_NOTE fd %d type 0x%x index %u", fd, n.type, n.index);
	return do_ioctl(fd, KCKPT_IOC_RESTORE_NOTE, &n) < 0 ? errno : 0;
}

/* A FINISH that must be refused whatever the session: unknown flags. */
static long sess_finish_refused(int fd)
{
	struct kckpt_restore_finish f = {
		.size = sizeof(f), .flags = 1U << (1 + rn(31)),
		.dev_fd = fd, .image_fd = img_ro,
	};

	call_is("RESTORE_FINISH fd %d flags 0x%x (refused)", fd, f.flags);
	if (do_ioctl(fd, KCKPT_IOC_RESTORE_FINISH, &f) >= 0)
		bad("RESTORE_FINISH with unknown flags 0x%x was accepted", f.flags);
	return errno;
}

/* What a task that did not begin the session gets from it. */
static void expect_foreign(int fd, const char *how)
{
	long e;

	e = sess_note(fd);
	if (e != EPERM)
		bad("NOTE on a session of another task (%s) gave %s, expected EPERM",
		    how, err_name(e));
	e = sess_begin(fd, img_ro, rn(2));
	if (e != EBUSY)
		bad("BEGIN on a descriptor with a session (%s) gave %s, expected EBUSY",
		    how, err_name(e));
	e = sess_finish_refused(fd);
	if (e != EPERM)
		bad("FINISH on a session of another task (%s) gave %s, expected EPERM",
		    how, err_name(e));
}

/* A fresh /dev/kckpt descriptor with a session of this task. */
static int dev_with_session(void)
{
	int d = open(KCKPT_DEVICE_PATH, O_RDWR);
	long e;

	if (d < 0)
		bad("cannot open %s: %s", KCKPT_DEVICE_PATH, strerror(errno));
	last_begin_image = chance(2) ? img_ro : img_memfd;
	e = sess_begin(d, last_begin_image, 0);
	if (e)
		bad("BEGIN of the seed image gave %s", err_name(e));
	return d;
}

/* ---------------------------------------------------------- children */

/* Waits for @pid (the watchdog covers it); @restore_ok: it may have become the image. */
static void reap_child(pid_t pid, const char *what, int restore_ok)
{
	int status;

	call_is("waiting for the child (%s)", what);
	if (waitpid(pid, &status, 0) != pid)
		bad("waitpid %s: %s", what, strerror(errno));
	if (WIFSIGNALED(status)) {
		if (WTERMSIG(status) != SIGKILL)
			bad("the child (%s) died of signal %d", what, WTERMSIG(status));
		return;
	}
	if (WEXITSTATUS(status) == CHILD_BAD)
		bad("the child (%s) saw a wrong answer (above)", what);
	if (WEXITSTATUS(status) && !restore_ok)
		bad("the child (%s) exited %d", what, WEXITSTATUS(status));
	if (WEXITSTATUS(status) == SEED_CODE || WEXITSTATUS(status) == 77)
		n_restored++;
	else if (WEXITSTATUS(status))
		bad("the child (%s) exited %d", what, WEXITSTATUS(status));
}

static pid_t fork_child(const char *who)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		bad("fork: %s", strerror(errno));
	if (!pid) {
		g_who = who;
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		alarm(CHILD_WATCHDOG_S);
		rng_state ^= 0x5bd1e995;
		rnd();
	}
	return pid;
}

/*
 * A child on the parent's descriptors: random BEGIN/NOTE/FINISH; what it
 * finds must agree with the parent's session state; sometimes a FINISH
 * that may succeed (then it becomes the seed image and exits SEED_CODE).
 */
static void op_fork_shared(void)
{
	int d = rn(NDEV), i, n = 1 + rn(6), fd = devs[d], img;
	int st = dev_state[d];
	pid_t pid;
	long e;

	pid = fork_child("child on the parent's descriptor");
	if (pid) {
		reap_child(pid, "shared descriptor", 1);
		if (st == S_NONE)
			dev_state[d] = S_UNKNOWN;
		else if (st == S_MINE)
			dev_state[d] = S_MINE;
		return;
	}
	if (st == S_MINE)
		st = S_OTHER;
	for (i = 0; i < n; i++) {
		switch (rn(4)) {
		case 0:
			img = fds[rn(nfds)].fd;
			e = sess_begin(fd, img, rn(2));
			if (st == S_OTHER && (fd_is_image(img) ? e != EBUSY : !e))
				bad("child BEGIN on the parent's session gave %s", err_name(e));
			if (!e)
				st = S_UNKNOWN;	/* its own session, or a dry run */
			break;
		case 1:
			e = sess_note(fd);
			if (st == S_OTHER && e != EPERM)
				bad("child NOTE on the parent's session gave %s", err_name(e));
			break;
		case 2:
			e = sess_finish_refused(fd);
			if (st == S_OTHER && e != EPERM)
				bad("child FINISH on the parent's session gave %s", err_name(e));
			break;
		default: {
			/* a FINISH that may succeed: this child may become the image */
			struct kckpt_restore_finish f = {
				.size = sizeof(f), .dev_fd = 200, .image_fd = 201,
			};
			int code = 0;

			if (chance(2)) {
				f.flags = KCKPT_RESTORE_RESUME_CODE;
				f.resume_code = rn(2) ? SEED_CODE : 77;
				code = f.resume_code;
			}
			if (dup2(fd, 200) < 0 || dup2(img_ro, 201) < 0)
				bad("dup2: %s", strerror(errno));
			call_is("RESTORE_FINISH fd 200 image 201 flags %u code %d (may succeed)",
				f.flags, code);
			e = do_ioctl(200, KCKPT_IOC_RESTORE_FINISH, &f) < 0 ? errno : 0;
			if (!e)
				bad("FINISH returned 0 to the helper (it must become the image)");
			if (st == S_OTHER && e != EPERM)
				bad("child FINISH on the parent's session gave %s", err_name(e));
		}
		}
	}
	_exit(0);
}

static void *spinner(void *p)
{
	volatile unsigned long n = 0;

	for (;;)
		n++;
	return p;
}

static char clone_stack[65536] __attribute__((aligned(16)));

static int spin_proc(void *p)
{
	spinner(p);
	return 0;
}

/*
 * A child with a session of its own, which it finishes with valid
 * arguments; sometimes with a second thread or a process sharing its
 * memory, which must be refused.
 */
static void op_fork_restore(void)
{
	struct kckpt_restore_finish f = {
		.size = sizeof(f), .dev_fd = 200, .image_fd = 201,
	};
	int d, i, n, right, began_with, threaded = chance(4), status;
	pid_t pid, sharer = -1;
	pthread_t t;
	long e;

	pid = fork_child("child that becomes the image");
	if (pid) {
		if (!threaded) {
			reap_child(pid, "restore", 1);
			return;
		}
		/* an image of one thread: a second one must not survive in it */
		call_is("waiting for the child with a thread or memory sharer");
		if (waitpid(pid, &status, 0) != pid)
			bad("waitpid: %s", strerror(errno));
		if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_BAD)
			bad("the child with a thread or memory sharer saw a wrong answer (above)");
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			bad("RESTORE_FINISH beside a second thread or a CLONE_VM process was accepted: "
			    "the child ended with status 0x%x (exit %d, signal %d)",
			    status, WIFEXITED(status) ? WEXITSTATUS(status) : -1,
			    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		return;
	}
	d = dev_with_session();
	/*
	 * A second thread, or a process sharing the memory (CLONE_VM),
	 * running in user mode beside the FINISH
	 */
	if (threaded && chance(2)) {
		sharer = clone(spin_proc, clone_stack + sizeof(clone_stack),
			       CLONE_VM | SIGCHLD, NULL);
		if (sharer < 0)
			bad("clone: %s", strerror(errno));
	} else if (threaded && pthread_create(&t, NULL, spinner, NULL)) {
		bad("pthread_create failed");
	}
	began_with = last_begin_image;
	n = rn(5);
	for (i = 0; i < n; i++)
		if ((e = sess_note(d)) && e != ENOENT)
			bad("NOTE on its own session gave %s", err_name(e));
	if (dup2(d, 200) < 0 || dup2(img_memfd, 201) < 0 ||
	    dup2(img_ro, 202) < 0)
		bad("dup2: %s", strerror(errno));
	/* BEGIN took img_ro or the memfd: one of the two is right */
	if (chance(2))
		f.image_fd = 202;
	right = (f.image_fd == 202) == (began_with == img_ro);
	if (chance(2)) {
		f.flags = KCKPT_RESTORE_RESUME_CODE;
		f.resume_code = 77;
	}
	call_is("RESTORE_FINISH fd 200 image %d (may succeed)", f.image_fd);
	e = do_ioctl(200, KCKPT_IOC_RESTORE_FINISH, &f) < 0 ? errno : 0;
	if (!e)
		bad("FINISH returned 0 to the helper");
	if (sharer > 0) {
		kill(sharer, SIGKILL);
		waitpid(sharer, NULL, 0);
	}
	if (threaded)
		_exit(0);	/* refused, whatever the reason */
	if (right)
		bad("FINISH with valid arguments was refused: %s: %s",
		    err_name(e), f.reason);
	if (e != EINVAL)
		bad("FINISH with the wrong image fd gave %s, expected EINVAL", err_name(e));
	_exit(0);
}

/* A session of the parent's goes to another process with SCM_RIGHTS. */
static int send_fd(int sock, int fd)
{
	char c = 'F', cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &c, 1 };
	struct msghdr m = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);

	memset(cbuf, 0, sizeof(cbuf));
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof(int));
	return sendmsg(sock, &m, 0) == 1 ? 0 : -1;
}

static int recv_fd(int sock)
{
	char c, cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &c, 1 };
	struct msghdr m = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *cm;
	int fd;

	if (recvmsg(sock, &m, 0) != 1)
		return -1;
	cm = CMSG_FIRSTHDR(&m);
	if (!cm || cm->cmsg_type != SCM_RIGHTS)
		return -1;
	memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	return fd;
}

static void op_scm_rights(void)
{
	int sv[2], d, got, parent_sends = rn(2);
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
		bad("socketpair: %s", strerror(errno));
	pid = fork_child("SCM_RIGHTS peer");
	if (!pid) {
		close(sv[0]);
		if (parent_sends) {
			call_is("recvmsg SCM_RIGHTS");
			got = recv_fd(sv[1]);
			if (got < 0)
				bad("recvmsg: %s", strerror(errno));
			expect_foreign(got, "received with SCM_RIGHTS");
			_exit(0);
		}
		/* send one of its own the other way, wait for the parent */
		d = dev_with_session();
		call_is("sendmsg SCM_RIGHTS");
		if (send_fd(sv[1], d))
			bad("sendmsg: %s", strerror(errno));
		if (read(sv[1], &got, 1) < 0)
			bad("read: %s", strerror(errno));
		_exit(0);
	}
	close(sv[1]);
	if (parent_sends) {
		d = dev_with_session();
		call_is("sendmsg SCM_RIGHTS");
		if (send_fd(sv[0], d))
			bad("sendmsg: %s", strerror(errno));
		close(d);	/* the child holds the only reference now */
	} else {
		call_is("recvmsg SCM_RIGHTS");
		got = recv_fd(sv[0]);
		if (got < 0)
			bad("recvmsg: %s", strerror(errno));
		expect_foreign(got, "sent by a child with SCM_RIGHTS");
		if (write(sv[0], "x", 1) != 1)
			bad("write: %s", strerror(errno));
		if (chance(2))
			close(got);	/* else the child's session outlives it */
		else
			reap_child(pid, "SCM_RIGHTS", 0), close(got), pid = 0;
	}
	close(sv[0]);
	if (pid)
		reap_child(pid, "SCM_RIGHTS", 0);
}

/* A second thread on the same descriptors, beside this one. */
struct thr_arg {
	int d, n;
	uint64_t seed;
};

static void *thread_body(void *p)
{
	struct thr_arg *a = p;
	int i;

	for (i = 0; i < a->n; i++) {
		switch (a->seed++ % 3) {
		case 0:
			sess_begin(devs[a->d], img_ro, a->seed % 2);
			break;
		case 1:
			sess_note(devs[a->d]);
			break;
		default:
			sess_finish_refused(devs[a->d]);
		}
	}
	return NULL;
}

static void op_thread(void)
{
	struct thr_arg a = { rn(NDEV), 1 + rn(4), rnd() };
	pthread_t t;
	int i, n = rn(4);

	call_is("pthread_create");
	if (pthread_create(&t, NULL, thread_body, &a))
		bad("pthread_create failed");
	for (i = 0; i < n; i++) {
		switch (rn(3)) {
		case 0:
			sess_begin(devs[a.d], img_ro, rn(2));
			break;
		case 1:
			sess_note(devs[a.d]);
			break;
		default:
			sess_finish_refused(devs[a.d]);
		}
	}
	call_is("pthread_join");
	pthread_join(t, NULL);
	/* a session begun by the thread is another task's */
	switch (sess_note(devs[a.d])) {
	case 0:
	case ENOENT:
		dev_state[a.d] = S_MINE;
		break;
	case EINVAL:
		dev_state[a.d] = S_NONE;
		break;
	case EPERM:
		dev_state[a.d] = S_OTHER;
		break;
	default:
		dev_state[a.d] = S_UNKNOWN;
	}
}

/* Well-formed session calls on this process's descriptors, in random order. */
static void op_session(void)
{
	int d = rn(NDEV), fd = devs[d], img;
	unsigned int flags = rn(2);
	long e;

	switch (rn(8)) {
	case 0:
		img = chance(2) ? fds[rn(nfds)].fd : (chance(2) ? img_ro : img_memfd);
		e = sess_begin(fd, img, flags);
		if (!fd_is_image(img)) {
			if (!e)
				bad("BEGIN accepted %s as an image", fd_name(img));
		} else if (dev_state[d] == S_NONE && e) {
			bad("BEGIN of the seed image gave %s", err_name(e));
		} else if ((dev_state[d] == S_MINE || dev_state[d] == S_OTHER) &&
			   e != EBUSY) {
			bad("BEGIN on a descriptor with a session gave %s", err_name(e));
		}
		if (!e && !flags)
			dev_state[d] = S_MINE;
		break;
	case 1:
		e = sess_note(fd);
		if ((dev_state[d] == S_NONE && e != EINVAL) ||
		    (dev_state[d] == S_OTHER && e != EPERM) ||
		    (dev_state[d] == S_MINE && e && e != ENOENT))
			bad("NOTE (state %d) gave %s", dev_state[d], err_name(e));
		if (dev_state[d] == S_UNKNOWN)
			dev_state[d] = !e || e == ENOENT ? S_MINE :
				       e == EINVAL ? S_NONE : S_OTHER;
		break;
	case 2:
	case 3:
	case 4:
		e = sess_finish_refused(fd);
		break;
	case 5:
	case 6:
		e = sess_note(fd);
		break;
	default:
		/* release the descriptor (and its session) */
		call_is("close/open of dev %d", d);
		close(fd);
		devs[d] = open(KCKPT_DEVICE_PATH, O_RDWR);
		if (devs[d] != fd) {
			if (devs[d] < 0)
				bad("reopen %s: %s", KCKPT_DEVICE_PATH, strerror(errno));
			if (dup2(devs[d], fd) < 0)
				bad("dup2: %s", strerror(errno));
			close(devs[d]);
			devs[d] = fd;
		}
		dev_state[d] = S_NONE;
	}
}

/* ----------------------------------------- real checkpoints, requests */

static void op_real_checkpoint(void)
{
	struct kckpt_checkpoint a = {
		.size = sizeof(a), .pid = target, .proof_fd = target_proof,
		.image_fd = -1, .timeout_ms = rn(2) ? 0 : 5000,
	};
	char name[64];
	int right, fd = -1;
	long r;

	snprintf(name, sizeof(name), "ck.%lu", g_iter);
	switch (rn(4)) {
	case 0:
		a.flags = KCKPT_CKPT_KILL;
		break;
	case 1:
		a.flags = KCKPT_CKPT_STOP;
		break;
	default:
		a.flags = 0;
	}
	if (chance(2)) {
		a.flags |= KCKPT_CKPT_CREATE;
		a.image_path = (uintptr_t)name;
	} else {
		fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd < 0)
			bad("cannot create %s: %s", name, strerror(errno));
		a.image_fd = fd;
	}
	if (chance(3))
		a.proof_fd = fds[rn(nfds)].fd;
	right = a.proof_fd == target_proof;
	call_is("real CHECKPOINT of the target %d flags 0x%x proof %s",
		target, a.flags, fd_name(a.proof_fd));
	r = do_ioctl(devs[rn(NDEV)], KCKPT_IOC_CHECKPOINT, &a);
	if (!right && r >= 0)
		bad("CHECKPOINT without the proof of ptrace rights was accepted");
	if (right && r < 0)
		bad("CHECKPOINT of the target was refused: %s: %s",
		    err_name(errno), a.reason);
	if (fd >= 0)
		close(fd);
	unlink(name);
	if (r >= 0 && (a.flags & (KCKPT_CKPT_STOP | KCKPT_CKPT_KILL)))
		kill_target();
	real_ops++;
}

static void op_real_request(void)
{
	struct kckpt_request q = {
		.size = sizeof(q), .pid = target, .proof_fd = target_proof,
		.flags = rn(2) ? KCKPT_REQ_EXIT : 0,
		.timeout_ms = rn(2) ? 0 : 5000,
	};
	static const unsigned int act[] = {
		KCKPT_ACT_CHECKPOINTED, KCKPT_ACT_IGNORED, KCKPT_ACT_SIGNALLED,
	};
	int right;
	long r;

	if (chance(3))
		q.proof_fd = fds[rn(nfds)].fd;
	right = q.proof_fd == target_proof;
	call_is("real REQUEST of the target %d (mode %d) flags 0x%x proof %s",
		target, target_mode, q.flags, fd_name(q.proof_fd));
	r = do_ioctl(devs[rn(NDEV)], KCKPT_IOC_REQUEST, &q);
	if (!right && r >= 0)
		bad("REQUEST without the proof of ptrace rights was accepted");
	if (right && r < 0)
		bad("REQUEST of the target was refused: %s: %s", err_name(errno),
		    q.reason);
	if (r >= 0 && q.action != act[target_mode])
		bad("REQUEST: action %u, expected %u", q.action, act[target_mode]);
	if (r >= 0 && q.action == KCKPT_ACT_CHECKPOINTED) {
		if (unlink(q.path))
			bad("REQUEST: no image at %s: %s", q.path, strerror(errno));
		if (q.flags & KCKPT_REQ_EXIT)
			kill_target();
	}
	real_ops++;
}

/* --------------------------------------------------------------- main */

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void open_fd_kinds(void)
{
	int p[2], s[2], d;
	char path[64];

	img_ro = open("seed.img", O_RDONLY);
	img_rw = open("seed.img", O_RDWR);
	img_memfd = syscall(SYS_memfd_create, "seed-copy", 0);
	proto_must(img_ro >= 0 && img_rw >= 0 && img_memfd >= 0, "open seed.img / memfd");
	copy_into_memfd(img_ro, img_memfd);
	/* the first three are the ones BEGIN accepts (fill_struct knows) */
	add_fd("seed image O_RDONLY", img_ro, 1);
	add_fd("seed image O_RDWR", img_rw, 1);
	add_fd("memfd copy of the seed image", img_memfd, 1);
	target_proof_idx = nfds;
	add_fd("/proc/TARGET/mem", -1, 0);
	add_fd("O_PATH seed image", open("seed.img", O_PATH), 0);
	add_fd("O_PATH directory", open(".", O_PATH | O_DIRECTORY), 0);
	add_fd("directory", open(".", O_RDONLY | O_DIRECTORY), 0);
	add_fd("/proc/self/status", open("/proc/self/status", O_RDONLY), 0);
	add_fd("/proc/self/mem", open("/proc/self/mem", O_RDONLY), 0);
	add_fd("/proc/1/mem", open("/proc/1/mem", O_RDONLY), 0);
	add_fd("/sys file", open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY), 0);
	add_fd("/sys/module/kckpt/parameters/sigckpt",
	       open("/sys/module/kckpt/parameters/sigckpt", O_RDONLY), 0);
	d = syscall(SYS_memfd_create, "junk", 0);
	if (d >= 0 && write(d, "x", 1) != 1)
		proto_fail("memfd write");
	add_fd("memfd (1 byte)", d, 0);
	empty_memfd = syscall(SYS_memfd_create, "empty", 0);
	add_fd("empty memfd", empty_memfd, 0);
	proto_must(!pipe(p), "pipe");
	add_fd("pipe read end", p[0], 0);
	add_fd("pipe write end", p[1], 0);
	proto_must(!socketpair(AF_UNIX, SOCK_STREAM, 0, s), "socketpair");
	add_fd("socket", s[0], 0);
	add_fd("UDP socket", socket(AF_INET, SOCK_DGRAM, 0), 0);
	add_fd("/dev/null", open("/dev/null", O_RDWR), 0);
	add_fd("/dev/kckpt (spare)", open(KCKPT_DEVICE_PATH, O_RDWR), 0);
	add_fd("O_PATH /dev/kckpt", open(KCKPT_DEVICE_PATH, O_PATH), 0);
	add_fd("regular file with data", open("data", O_RDWR | O_CREAT, 0600), 0);
	if (write(fds[nfds - 1].fd, "data", 4) != 4)
		proto_fail("write data");
	close(777);
	add_fd("closed number", 777, 0);
	snprintf(path, sizeof(path), "/proc/%d/mem", getppid());
	add_fd("/proc/PARENT/mem", open(path, O_RDONLY), 0);
}

static void map_regions(void)
{
	rw = mmap(NULL, 5 * PG, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ro = mmap(NULL, 2 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unmapped = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	buf_rw = mmap(NULL, PG, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	proto_must(rw != MAP_FAILED && ro != MAP_FAILED &&
		   unmapped != MAP_FAILED && buf_rw != MAP_FAILED, "mmap");
	proto_must(!mprotect(rw + 4 * PG, PG, PROT_NONE), "mprotect");
	proto_must(!munmap(unmapped, PG), "munmap");
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	unsigned long iters, i, counts[10] = { 0 };
	double ms[10] = { 0 }, t0;
	char tmpl[] = "/tmp/ioctl-fuzz.XXXXXX";
	int made_dir = 0, op;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 3 || argc > 4)
		proto_fail("usage: ioctl_fuzz SEED ITERATIONS [WORKDIR]");
	g_seed = strtoul(argv[1], NULL, 0);
	main_pid = getpid();
	iters = strtoul(argv[2], NULL, 0);
	rng_state = g_seed * 0x9E3779B97F4A7C15ULL + 1;
	workdir = argc == 4 ? argv[3] : mkdtemp(tmpl);
	if (!workdir || chdir(workdir))
		proto_fail("cannot use the work directory: %s", strerror(errno));
	made_dir = argc == 3;
	printf("ioctl_fuzz: seed %lu, %lu iterations, uid %d, in %s\n",
	       g_seed, iters, getuid(), workdir);
	sigaction(SIGALRM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* the seed image first: few descriptors, no threads, no children */
	call_is("self-checkpoint of a fork (the seed image)");
	alarm(WATCHDOG_S);
	make_seed_image();
	map_regions();
	open_fd_kinds();
	for (i = 0; i < NDEV; i++)
		devs[i] = open(KCKPT_DEVICE_PATH, O_RDWR);
	for (i = 0; i < NDEV; i++)
		proto_must(devs[i] >= 0, "open " KCKPT_DEVICE_PATH);
	add_fd("/dev/kckpt (the device itself)", devs[0], 0);
	spawn_target();
	real_max = 2 + iters / 2000;

	for (g_iter = 0; g_iter < iters; g_iter++) {
		alarm(WATCHDOG_S);
		t0 = now_ms();
		check_target();
		op = rn(1000);
		if (op < 700) {
			fuzz_known(rn(NDEV));
			op = 0;
		} else if (op < 820) {
			fuzz_unknown(rn(NDEV));
			op = 1;
		} else if (op < 974) {
			op_session();
			op = 2;
		} else if (op < 980) {
			op_thread();
			op = 3;
		} else if (op < 988) {
			op_fork_shared();
			op = 4;
		} else if (op < 993) {
			op_fork_restore();
			op = 5;
		} else if (op < 996) {
			op_scm_rights();
			op = 6;
		} else if (real_ops < real_max && op < 998) {
			op_real_checkpoint();
			op = 7;
		} else if (real_ops < real_max) {
			op_real_request();
			op = 8;
		} else {
			fuzz_known(rn(NDEV));
			op = 0;
		}
		counts[op]++;
		ms[op] += now_ms() - t0;
	}
	alarm(WATCHDOG_S);
	printf("time (ms): raw %.0f, unknown %.0f, session %.0f, thread %.0f, fork %.0f, "
	       "restoring %.0f, SCM_RIGHTS %.0f, checkpoints %.0f, requests %.0f\n",
	       ms[0], ms[1], ms[2], ms[3], ms[4], ms[5], ms[6], ms[7], ms[8]);
	call_is("cleanup");
	kill_target();
	for (i = 0; i < NDEV; i++)
		close(devs[i]);
	unlink("seed.img");
	unlink("data");
	if (made_dir)
		rmdir(workdir);
	proto_pass("seed %lu: %lu iterations, %lu ioctls in this process (%lu raw, %lu unknown, "
		   "%lu session, %lu thread, %lu fork, %lu restoring children, %lu SCM_RIGHTS, "
		   "%lu checkpoints, %lu requests; %lu children became the seed image): "
		   "nothing wrong was accepted, nothing hung",
		   g_seed, iters, n_ioctls, counts[0], counts[1], counts[2], counts[3],
		   counts[4], counts[5], counts[6], counts[7], counts[8], n_restored);
}
