// SPDX-License-Identifier: GPL-2.0
/*
 * Hostile images for the restore path.
 *
 *   image_fuzz patch-kernel IMAGE   change the kernel version recorded in
 *                                   the image (an image of "another build")
 *   image_fuzz fill-auxv IMAGE      make the image's NT_AUXV exactly as long
 *                                   as the kernel's mm->saved_auxv array,
 *                                   with no AT_NULL entry (needs
 *                                   CAP_SYS_RESOURCE to measure the array)
 *   image_fuzz run IMAGE N SEED HELPER
 *                                   N times: mutate the image's metadata
 *                                   (ELF header, program headers, notes)
 *                                   and now and then its page data, save
 *                                   it as IMAGE.mutant, run HELPER on it,
 *                                   kill it if it runs past 3 s; prints
 *                                   how the runs ended.
 * The kernel must answer every mutant with a refusal, or restore it; the
 * VM harness fails the run if the kernel log shows any splat.
 */
#include <elf.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include <uapi/kckpt.h>

#include "protocol.h"

struct image {
	unsigned char *data;
	size_t size;
	size_t phoff, phlen;	/* program header table */
	size_t noff, nlen;	/* the (first) PT_NOTE segment */
};

static void load(struct image *im, const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY);
	const Elf64_Ehdr *eh;
	const Elf64_Phdr *ph;
	int i;

	if (fd < 0 || fstat(fd, &st))
		proto_fail("cannot open %s", path);
	im->size = st.st_size;
	im->data = malloc(im->size);
	if (!im->data || read(fd, im->data, im->size) != (ssize_t)im->size)
		proto_fail("cannot read %s", path);
	close(fd);
	eh = (const Elf64_Ehdr *)im->data;
	im->phoff = eh->e_phoff;
	im->phlen = (size_t)eh->e_phnum * sizeof(*ph);
	if (im->phoff + im->phlen > im->size)
		proto_fail("%s is not a sane image to start from", path);
	ph = (const Elf64_Phdr *)(im->data + im->phoff);
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_NOTE) {
			im->noff = ph[i].p_offset;
			im->nlen = ph[i].p_filesz;
			return;
		}
	proto_fail("%s has no notes", path);
}

static void save(const struct image *im, const unsigned char *data, const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0 || write(fd, data, im->size) != (ssize_t)im->size || close(fd))
		proto_fail("cannot write %s", path);
}

/* The KCKPT_NT_IMAGE descriptor inside the notes, or NULL. */
static struct kckpt_image_hdr *image_hdr(struct image *im)
{
	size_t pos = im->noff;

	while (pos + sizeof(Elf64_Nhdr) <= im->noff + im->nlen) {
		Elf64_Nhdr *nh = (Elf64_Nhdr *)(im->data + pos);
		size_t desc = pos + sizeof(*nh) + ((nh->n_namesz + 3) & ~3U);

		if (nh->n_type == KCKPT_NT_IMAGE)
			return (struct kckpt_image_hdr *)(im->data + desc);
		pos = desc + ((nh->n_descsz + 3) & ~3U);
	}
	return NULL;
}

/*
 * The size of the kernel's mm->saved_auxv: the longest auxv that
 * PR_SET_MM_AUXV accepts, tried in a child (its own auxv is lost).
 */
static size_t saved_auxv_size(void)
{
	static uint64_t buf[512];
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		size_t len, ok = 0;

		for (len = 16; len <= sizeof(buf); len += 16)
			if (!prctl(PR_SET_MM, PR_SET_MM_AUXV, buf, len, 0))
				ok = len;
		_exit(ok / 16);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    !WEXITSTATUS(status))
		proto_fail("cannot measure mm->saved_auxv (PR_SET_MM_AUXV needs CAP_SYS_RESOURCE)");
	return (size_t)WEXITSTATUS(status) * 16;
}

/* The note whose descriptor is @desc starts at @pos with header @nh. */
static int is_auxv(const struct image *im, const Elf64_Nhdr *nh, size_t pos)
{
	return nh->n_type == NT_AUXV && nh->n_namesz == 5 &&
	       !memcmp(im->data + pos + sizeof(*nh), "CORE", 5);
}

/* @len bytes of auxv: the image's entries but AT_NULL, then AT_IGNORE. */
static void unterminated_auxv(const uint64_t *old, size_t old_len,
			      uint64_t *out, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i + 1 < old_len / 8 && n + 1 < len / 8; i += 2) {
		if (old[i] == AT_NULL)
			break;
		out[n++] = old[i];
		out[n++] = old[i + 1];
	}
	while (n + 1 < len / 8) {
		out[n++] = AT_IGNORE;
		out[n++] = 0;
	}
}

/*
 * The image with NT_AUXV replaced by @len bytes without AT_NULL and
 * kckpt_proc.auxv_len to match: the notes are rebuilt, what follows them
 * (the program header table) moves.
 */
static void fill_auxv(struct image *im, const char *path, size_t len)
{
	size_t pos = im->noff, end = im->noff + im->nlen, out = im->noff;
	size_t tail = im->size - end, newsize = im->size + len + 4096;
	unsigned char *d = calloc(1, newsize + tail);
	Elf64_Ehdr *eh = (Elf64_Ehdr *)d;
	Elf64_Phdr *ph;
	long delta;
	int i;

	if (!d)
		proto_fail("out of memory");
	memcpy(d, im->data, im->noff);
	while (pos + sizeof(Elf64_Nhdr) <= end) {
		Elf64_Nhdr nh = *(Elf64_Nhdr *)(im->data + pos);
		size_t name = (nh.n_namesz + 3) & ~3U, desc = pos + sizeof(nh) + name;
		size_t dlen = (nh.n_descsz + 3) & ~3U;

		if (is_auxv(im, &nh, pos)) {
			unterminated_auxv((const uint64_t *)(im->data + desc),
					  nh.n_descsz, (uint64_t *)(d + out + sizeof(nh) + name), len);
			nh.n_descsz = len;
		} else {
			memcpy(d + out + sizeof(nh) + name, im->data + desc, nh.n_descsz);
		}
		if (nh.n_type == KCKPT_NT_PROC)
			((struct kckpt_proc *)(d + out + sizeof(nh) + name))->auxv_len = len;
		memcpy(d + out, &nh, sizeof(nh));
		memcpy(d + out + sizeof(nh), im->data + pos + sizeof(nh), name);
		out += sizeof(nh) + name + ((nh.n_descsz + 3) & ~3U);
		pos = desc + dlen;
	}
	delta = (long)out - (long)end;
	memcpy(d + out, im->data + end, tail);
	if (eh->e_phoff >= end)
		eh->e_phoff += delta;
	ph = (Elf64_Phdr *)(d + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_NOTE && ph[i].p_offset == im->noff)
			ph[i].p_filesz = out - im->noff;
		else if (ph[i].p_offset >= end)
			ph[i].p_offset += delta;
	}
	im->size = out + tail;
	save(im, d, path);
	free(d);
}

static const uint64_t boundary[] = {
	0, 1, 0x7f, 0xff, 0x7fffffff, 0xffffffff, 0x1000, 0xfff,
	0x7ffffffff000ULL, 0xffffffffffffffffULL, 0x8000000000000000ULL,
};

static void mutate(const struct image *im, unsigned char *d)
{
	int n = 1 + rand() % 8;

	while (n--) {
		int where = rand() % 11;
		size_t base = where < 2 ? 0 : where < 5 ? im->phoff : im->noff;
		size_t len = where < 2 ? sizeof(Elf64_Ehdr) : where < 5 ? im->phlen : im->nlen;
		size_t off;

		if (where == 10 && im->noff > 4096) {
			/* page data: its crc32c must catch it */
			base = 4096;
			len = im->noff - 4096;
		}
		off = base + (len ? rand() % len : 0);

		if (rand() % 2) {
			d[off] ^= 1 << (rand() % 8);
		} else {
			uint64_t v = boundary[rand() % (sizeof(boundary) / sizeof(boundary[0]))];
			size_t w = rand() % 2 ? 4 : 8;

			if (off + w <= im->size)
				memcpy(d + off, &v, w);
		}
	}
}

/* Runs HELPER on PATH; 0 refused/failed cleanly, 1 restored, 2 killed. */
static int run_helper(const char *helper, const char *path)
{
	int status, i;
	pid_t pid = fork();

	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(null, 1);
		dup2(null, 2);
		execl(helper, helper, path, (char *)NULL);
		_exit(127);
	}
	for (i = 0; i < 300; i++) {
		struct timespec t = { 0, 10000000 };

		if (waitpid(pid, &status, WNOHANG) == pid)
			return WIFEXITED(status) && WEXITSTATUS(status) == 5 ? 0 : 1;
		nanosleep(&t, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return 2;
}

int main(int argc, char **argv)
{
	struct image im;
	int outcome[3] = { 0 }, i, n;
	char mutant[4096];
	unsigned char *d;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && !strcmp(argv[1], "patch-kernel")) {
		struct kckpt_image_hdr *h;

		load(&im, argv[2]);
		h = image_hdr(&im);
		if (!h)
			proto_fail("no image header note");
		h->kernel_version[1] ^= 0x20;
		save(&im, im.data, argv[2]);
		proto_pass("kernel version patched");
	}
	if (argc == 3 && !strcmp(argv[1], "fill-auxv")) {
		size_t len = saved_auxv_size();

		load(&im, argv[2]);
		fill_auxv(&im, argv[2], len);
		proto_pass("NT_AUXV fills all %zu bytes of mm->saved_auxv, no AT_NULL", len);
	}
	if (argc != 6 || strcmp(argv[1], "run"))
		proto_fail("usage: image_fuzz patch-kernel IMAGE | fill-auxv IMAGE | run IMAGE N SEED HELPER");
	load(&im, argv[2]);
	n = atoi(argv[3]);
	srand(atoi(argv[4]));
	d = malloc(im.size);
	snprintf(mutant, sizeof(mutant), "%s.mutant", argv[2]);
	for (i = 0; i < n; i++) {
		memcpy(d, im.data, im.size);
		mutate(&im, d);
		save(&im, d, mutant);
		outcome[run_helper(argv[5], mutant)]++;
	}
	printf("%d mutants: %d refused, %d restored or died after restore, %d killed after 3 s\n",
	       n, outcome[0], outcome[1], outcome[2]);
	proto_pass("%d hostile images handled", n);
}
