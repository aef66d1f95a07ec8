// SPDX-License-Identifier: GPL-2.0
/*
 * Checkpoint vs exec of a setuid program, from an unprivileged caller.
 *
 * Each round forks a child, opens its /proc/PID/mem (the proof of ptrace
 * rights the module checks) while the child is still this program, then
 * lets the child execve() SUID_TARGET (setuid root) with about 1.5 MiB of
 * arguments: copying them keeps the child inside execve, still with its
 * old memory, for a while. Right after the child said it is about to exec
 * (after a delay that varies by round), KCKPT_IOC_CHECKPOINT is asked
 * again and again, with that proof, until the new program has started:
 * some requests are checked while the child still has its old memory and
 * reach it only after the exec.
 *
 * Every image written must be of this program as nobody saw it: not of
 * euid 0, not naming SUID_TARGET as its program, without the new
 * program's secret page. Every refused request must carry a reason.
 * Prints what each round saw and PASS or FAIL.
 *
 * usage: exec_setuid_race SUID_TARGET WORKDIR ROUNDS
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include <uapi/kckpt.h>

#include "protocol.h"
#include "suid_target.h"

#define ARG_COUNT	15
#define ARG_LEN		(100 * 1024)	/* below MAX_ARG_STRLEN (128 KiB) */
#define MAX_ATTEMPTS	400
#define DELAY_STEPS	8
#define DELAY_STEP_US	300

struct counts {
	int images;		/* of the child before its exec: fine */
	int refused_recheck;	/* refused in the target after the exec */
	int refused_other;	/* refused at the caller's check (proof stale) */
};

static const char *target;
static const char *workdir;
static int dev;

static void must(int ok, const char *what)
{
	if (!ok)
		proto_fail("%s: %s", what, strerror(errno));
}

static void busy_wait_us(long us)
{
	struct timespec t0, t;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	do
		clock_gettime(CLOCK_MONOTONIC, &t);
	while ((t.tv_sec - t0.tv_sec) * 1000000L +
	       (t.tv_nsec - t0.tv_nsec) / 1000 < us);
}

/*
 * The child: wait for the gate, say "about to exec", exec. Both pipes are
 * close-on-exec: the new program holds no pipe, which the module would
 * refuse for that reason alone.
 */
static void __attribute__((noreturn)) child(int gate, int note,
					    const char *started)
{
	static char *argv[ARG_COUNT + 3];
	static char *envp[] = { NULL };
	char c;
	int i;

	argv[0] = (char *)target;
	argv[1] = (char *)started;
	for (i = 2; i < ARG_COUNT + 2; i++) {
		argv[i] = malloc(ARG_LEN);
		if (!argv[i])
			_exit(2);
		memset(argv[i], 'a' + i, ARG_LEN - 1);
		argv[i][ARG_LEN - 1] = '\0';
	}
	if (read(gate, &c, 1) != 1 || write(note, "x", 1) != 1)
		_exit(2);
	execve(target, argv, envp);
	_exit(3);
}

/* The image's KCKPT note @type, or NULL; *len gets its size. */
static const unsigned char *find_note(const unsigned char *img, size_t size,
				      unsigned int type, size_t *len)
{
	const Elf64_Ehdr *eh = (const void *)img;
	int i;

	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_phoff > size || eh->e_phnum > (size - eh->e_phoff) / sizeof(Elf64_Phdr))
		proto_fail("an image is not an ELF file");
	for (i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *ph = (const void *)(img + eh->e_phoff) + i * sizeof(*ph);
		size_t off = ph->p_offset, end = off + ph->p_filesz;

		if (ph->p_type != PT_NOTE)
			continue;
		if (end > size || end < off)
			proto_fail("an image's note segment is outside the file");
		while (off + sizeof(Elf64_Nhdr) <= end) {
			const Elf64_Nhdr *n = (const void *)(img + off);
			size_t name = off + sizeof(*n);
			size_t desc = name + ((n->n_namesz + 3) & ~3UL);
			size_t next = desc + ((n->n_descsz + 3) & ~3UL);

			if (next > end)
				break;
			if (n->n_namesz == sizeof(KCKPT_NOTE_NAME) &&
			    !memcmp(img + name, KCKPT_NOTE_NAME, n->n_namesz) &&
			    n->n_type == type) {
				*len = n->n_descsz;
				return img + desc;
			}
			off = next;
		}
	}
	return NULL;
}

/* Is suid_target's secret page in the image? No copy of it is made here. */
static int holds_secret(const unsigned char *img, size_t size)
{
	size_t off, i;

	for (off = 0; off + 64 <= size; off++) {
		for (i = 0; i < 64; i++)
			if (img[off + i] != proto_pattern(SUID_SECRET_SEED, i))
				break;
		if (i == 64)
			return 1;
	}
	return 0;
}

static void check_image(const char *path, int round, int attempt)
{
	const struct kckpt_image_hdr *hdr;
	const unsigned char *exe;
	unsigned char *img;
	size_t len, size;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	must(fd >= 0 && !fstat(fd, &st), "open the image");
	size = st.st_size;
	img = malloc(size ?: 1);
	must(img != NULL, "malloc");
	must(read(fd, img, size) == (ssize_t)size, "read the image");
	close(fd);
	hdr = (const void *)find_note(img, size, KCKPT_NT_IMAGE, &len);
	if (!hdr || len < sizeof(*hdr))
		proto_fail("round %d attempt %d: the image has no image header", round, attempt);
	if (hdr->euid != getuid() || hdr->uid != getuid())
		proto_fail("round %d attempt %d: the image is of uid %u euid %u (the setuid program), the caller is uid %u",
			   round, attempt, hdr->uid, hdr->euid, getuid());
	exe = find_note(img, size, KCKPT_NT_EXE, &len);
	if (exe && len && strstr((const char *)exe, "suid_target"))
		proto_fail("round %d attempt %d: the image is of the setuid program %.*s",
			   round, attempt, (int)len, exe);
	if (holds_secret(img, size))
		proto_fail("round %d attempt %d: the image holds the setuid program's secret page",
			   round, attempt);
	free(img);
}

/* One KCKPT_IOC_CHECKPOINT of @pid with @proof; 0 or the errno. */
static int attempt(pid_t pid, int proof, int round, int n, struct counts *c)
{
	struct kckpt_checkpoint arg = {
		.size = sizeof(arg), .pid = pid, .proof_fd = proof,
		.timeout_ms = 60000,
	};
	char path[4096];
	int err = 0;

	snprintf(path, sizeof(path), "%s/race-%d-%d.img", workdir, round, n);
	arg.image_fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	must(arg.image_fd >= 0, "create an image file");
	if (ioctl(dev, KCKPT_IOC_CHECKPOINT, &arg) == 0) {
		check_image(path, round, n);
		c->images++;
	} else {
		err = errno;
		arg.reason[sizeof(arg.reason) - 1] = '\0';
		if (!arg.reason[0])
			proto_fail("round %d attempt %d: refused (%s) without a reason",
				   round, n, strerror(err));
		if (strstr(arg.reason, "new program")) {
			if (!c->refused_recheck++)
				printf("round %d attempt %d: %s: %s\n", round, n,
				       strerror(err), arg.reason);
		} else if (!c->refused_other++) {
			printf("round %d attempt %d: %s: %s\n", round, n,
			       strerror(err), arg.reason);
		}
	}
	close(arg.image_fd);
	unlink(path);
	return err;
}

/* The first line of @path once it exists (suid_target renames it there). */
static int started_euid(const char *path)
{
	char line[32] = "";
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t r;

	if (fd < 0)
		return -1;
	r = read(fd, line, sizeof(line) - 1);
	close(fd);
	return r > 0 ? atoi(line) : -1;
}

static void round_trip(int round, struct counts *c)
{
	int gate[2], note[2], proof, n, euid = -1, status;
	char mem[64], started[4096], x;
	struct counts before = *c;
	pid_t pid;

	snprintf(started, sizeof(started), "%s/started-%d", workdir, round);
	must(!pipe2(gate, O_CLOEXEC) && !pipe2(note, O_CLOEXEC), "pipe");
	pid = fork();
	must(pid >= 0, "fork");
	if (!pid)
		child(gate[0], note[1], started);
	close(gate[0]);
	close(note[1]);
	snprintf(mem, sizeof(mem), "/proc/%d/mem", pid);
	proof = open(mem, O_RDONLY | O_CLOEXEC);
	must(proof >= 0, "open the child's /proc/PID/mem");
	must(write(gate[1], "g", 1) == 1, "open the gate");
	must(read(note[0], &x, 1) == 1, "wait for the child's exec");
	busy_wait_us((round % DELAY_STEPS) * DELAY_STEP_US);
	/* until the new program runs, and once more after that */
	for (n = 0; n < MAX_ATTEMPTS && euid < 0; n++) {
		euid = started_euid(started);
		attempt(pid, proof, round, n, c);
	}
	if (euid < 0) {
		for (n = 0; n < 100 * 60 && (euid = started_euid(started)) < 0; n++)
			usleep(10000);	/* a poll, bounded at 60 s */
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	if (euid < 0)
		proto_fail("round %d: the setuid program did not start (child status 0x%x)",
			   round, status);
	if (euid != 0)
		proto_fail("round %d: the setuid program runs as euid %d, not 0: is the file system nosuid?",
			   round, euid);
	printf("round %d: %d attempts: %d images, %d refused in the target, %d refused at the check\n",
	       round, n, c->images - before.images,
	       c->refused_recheck - before.refused_recheck,
	       c->refused_other - before.refused_other);
	unlink(started);
	close(proof);
	close(gate[1]);
	close(note[0]);
}

int main(int argc, char **argv)
{
	struct counts c = { 0 };
	int rounds, i;

	if (argc != 4)
		proto_fail("usage: exec_setuid_race SUID_TARGET WORKDIR ROUNDS");
	proto_init();
	target = argv[1];
	workdir = argv[2];
	rounds = atoi(argv[3]);
	if (!getuid())
		proto_fail("run this as an unprivileged user");
	dev = open(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC);
	must(dev >= 0, KCKPT_DEVICE_PATH);
	for (i = 0; i < rounds; i++)
		round_trip(i, &c);
	printf("%d rounds: %d images of the child before its exec, %d refused in the target after the exec, %d refused at the caller's check\n",
	       rounds, c.images, c.refused_recheck, c.refused_other);
	if (!c.refused_recheck)
		proto_fail("no request reached the child across its exec: the race was not exercised");
	proto_pass("no image of the setuid program in %d rounds; every refusal had a reason",
		   rounds);
}
