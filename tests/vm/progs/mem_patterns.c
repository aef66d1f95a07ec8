// SPDX-License-Identifier: GPL-2.0
/*
 * Memory of every kind holding known patterns: anonymous, brk heap, stack,
 * dirty pages of a private file mapping, a PROT_NONE hole, an
 * mprotect-split area, and a 512 MiB sparse region of which 1 MiB is
 * touched. Writes "name address length" lines and the expected bytes
 * (DIR/name.bin) so the image can be checked from outside; after SIGUSR1
 * checks that its own memory is intact (it kept running correctly).
 *
 * usage: mem_patterns DIR
 */
#include <fcntl.h>
#include <sys/mman.h>

#include "protocol.h"

#define PAGE 4096UL

struct region {
	const char *name;
	unsigned char *addr;
	size_t len;
	unsigned int seed;
};

static struct region regions[16];
static int nr_regions;
static const char *dir;

static void add_region(const char *name, void *addr, size_t len, unsigned int seed)
{
	char path[512];
	FILE *f;

	proto_fill(addr, len, seed);
	regions[nr_regions++] = (struct region){ name, addr, len, seed };
	snprintf(path, sizeof(path), "%s/%s.bin", dir, name);
	f = fopen(path, "w");
	if (!f || fwrite(addr, 1, len, f) != len || fclose(f))
		proto_fail("cannot write %s", path);
}

static void *map(size_t len, int prot, int flags, int fd)
{
	void *p = mmap(NULL, len, prot, flags, fd, 0);

	if (p == MAP_FAILED)
		proto_fail("mmap of %zu bytes failed", len);
	return p;
}

static void *private_file_mapping(void)
{
	char path[512], page[PAGE];
	int fd, i;

	snprintf(path, sizeof(path), "%s/private-file", dir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	memset(page, 'F', sizeof(page));
	for (i = 0; i < 4; i++)
		if (fd < 0 || write(fd, page, PAGE) != (ssize_t)PAGE)
			proto_fail("cannot create %s", path);
	return map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd);
}

static void write_manifest(void)
{
	char path[512];
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "%s/regions", dir);
	f = fopen(path, "w");
	if (!f)
		proto_fail("cannot write %s", path);
	for (i = 0; i < nr_regions; i++)
		fprintf(f, "%s %p %zu\n", regions[i].name, regions[i].addr,
			regions[i].len);
	fclose(f);
}

int main(int argc, char **argv)
{
	volatile unsigned char stack[3 * PAGE];
	unsigned char *p, *protnone;
	int i;

	if (argc != 2)
		proto_fail("usage: mem_patterns DIR");
	dir = argv[1];
	proto_init();

	add_region("anon", map(16 * PAGE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1), 16 * PAGE, 1);
	add_region("heap", malloc(100000), 100000, 2);
	add_region("stack", (void *)stack, sizeof(stack), 3);

	p = private_file_mapping();
	add_region("file-page1", p + PAGE, PAGE, 4);
	add_region("file-page3", p + 3 * PAGE, PAGE, 5);

	p = map(3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
	add_region("protnone-before", p, PAGE, 6);
	proto_fill(p + PAGE, PAGE, 7);
	add_region("protnone-after", p + 2 * PAGE, PAGE, 8);
	protnone = p + PAGE;
	if (mprotect(protnone, PAGE, PROT_NONE))
		proto_fail("mprotect PROT_NONE failed");

	p = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1);
	add_region("split", p, 4 * PAGE, 9);
	if (mprotect(p + 2 * PAGE, 2 * PAGE, PROT_READ))
		proto_fail("mprotect split failed");

	p = map(512UL << 20, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1);
	add_region("sparse-touched", p + (100UL << 20), 1UL << 20, 10);

	write_manifest();
	proto_ready();
	proto_wait();

	for (i = 0; i < nr_regions; i++) {
		long bad = proto_check(regions[i].addr, regions[i].len,
				       regions[i].seed);

		if (bad >= 0)
			proto_fail("region %s changed at offset %ld", regions[i].name, bad);
	}
	if (mprotect(protnone, PAGE, PROT_READ) || proto_check(protnone, PAGE, 7) >= 0)
		proto_fail("the PROT_NONE page lost its content");
	(void)stack[0];
	proto_pass("%d memory regions intact after the checkpoint", nr_regions);
}
