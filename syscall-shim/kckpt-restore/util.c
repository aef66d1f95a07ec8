// SPDX-License-Identifier: GPL-2.0
/* Tiny string, number and message helpers (there is no libc). */
#include <linux/errno.h>

#include "sys.h"
#include "util.h"

/* rep movsb/stosb: a C loop here could be "optimised" into a call to itself. */
void *memcpy(void *dst, const void *src, unsigned long n)
{
	void *d = dst;

	__asm__ volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(n) : : "memory");
	return dst;
}

void *memset(void *dst, int c, unsigned long n)
{
	void *d = dst;

	__asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return dst;
}

unsigned long kr_strlen(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

int kr_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

int kr_startswith(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return 0;
	return 1;
}

int kr_parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (max - (unsigned long)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (unsigned long)(*s - '0');
	}
	*out = v;
	return 0;
}

static const struct {
	short nr;
	const char *text;
} kr_errors[] = {
	{ EPERM, "Operation not permitted" },
	{ ENOENT, "No such file or directory" },
	{ ESRCH, "No such process" },
	{ EINTR, "Interrupted system call" },
	{ EIO, "Input/output error" },
	{ ENXIO, "No such device or address" },
	{ E2BIG, "Argument list too long" },
	{ EBADF, "Bad file descriptor" },
	{ EAGAIN, "Resource temporarily unavailable" },
	{ ENOMEM, "Cannot allocate memory" },
	{ EACCES, "Permission denied" },
	{ EFAULT, "Bad address" },
	{ EBUSY, "Device or resource busy" },
	{ EEXIST, "File exists" },
	{ EXDEV, "Invalid cross-device link" },
	{ ENODEV, "No such device" },
	{ ENOTDIR, "Not a directory" },
	{ EISDIR, "Is a directory" },
	{ EINVAL, "Invalid argument" },
	{ ENFILE, "Too many open files in system" },
	{ EMFILE, "Too many open files" },
	{ ENOTTY, "Inappropriate ioctl for device" },
	{ ETXTBSY, "Text file busy" },
	{ EFBIG, "File too large" },
	{ ENOSPC, "No space left on device" },
	{ ESPIPE, "Illegal seek" },
	{ EROFS, "Read-only file system" },
	{ ERANGE, "Numerical result out of range" },
	{ ENAMETOOLONG, "File name too long" },
	{ ENOSYS, "Function not implemented" },
	{ ELOOP, "Too many levels of symbolic links" },
	{ ENODATA, "No data available" },
	{ EOVERFLOW, "Value too large for defined data type" },
	{ EOPNOTSUPP, "Operation not supported" },
	{ ESTALE, "Stale file handle" },
	{ ENOMEDIUM, "No medium found" },
	{ ECANCELED, "Operation canceled" },
};

const char *kr_errstr(long err)
{
	static char unknown[32];
	unsigned long i;

	if (err < 0)
		err = -err;
	for (i = 0; i < sizeof(kr_errors) / sizeof(kr_errors[0]); i++)
		if (kr_errors[i].nr == err)
			return kr_errors[i].text;
	kr_fmt(unknown, sizeof(unknown), "error %ld", err);
	return unknown;
}

struct kr_out {
	char *buf;
	unsigned long size, len;
};

static void kr_putc(struct kr_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len++] = c;
}

static void kr_putnum(struct kr_out *o, unsigned long long v, unsigned base,
		      int neg)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		kr_putc(o, '-');
	while (n)
		kr_putc(o, tmp[--n]);
}

unsigned long kr_vfmt(char *buf, unsigned long size, const char *fmt,
		      va_list ap)
{
	struct kr_out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		int lng = 0;
		long long s;

		if (*fmt != '%') {
			kr_putc(&o, *fmt);
			continue;
		}
		while (*++fmt == 'l')
			lng++;
		switch (*fmt) {
		case 's': {
			const char *str = va_arg(ap, const char *);

			while (*str)
				kr_putc(&o, *str++);
			break;
		}
		case 'c':
			kr_putc(&o, (char)va_arg(ap, int));
			break;
		case 'd':
			s = lng ? (lng > 1 ? va_arg(ap, long long) : va_arg(ap, long)) :
				  va_arg(ap, int);
			kr_putnum(&o, s < 0 ? -(unsigned long long)s : (unsigned long long)s,
				  10, s < 0);
			break;
		case 'u':
		case 'x':
			kr_putnum(&o, lng ? (lng > 1 ? va_arg(ap, unsigned long long) :
						      va_arg(ap, unsigned long)) :
					    va_arg(ap, unsigned int),
				  *fmt == 'x' ? 16 : 10, 0);
			break;
		case '%':
			kr_putc(&o, '%');
			break;
		default:	/* unknown or truncated: stop */
			goto out;
		}
	}
out:
	if (o.size)
		o.buf[o.len] = '\0';
	return o.len;
}

unsigned long kr_fmt(char *buf, unsigned long size, const char *fmt, ...)
{
	unsigned long n;
	va_list ap;

	va_start(ap, fmt);
	n = kr_vfmt(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int kr_err_fd = 2;

static void kr_vsay(const char *fmt, va_list ap)
{
	static const char prefix[] = "kckpt-restore: ";
	static char line[1024];
	unsigned long n = sizeof(prefix) - 1;

	memcpy(line, prefix, n);
	n += kr_vfmt(line + n, sizeof(line) - n - 1, fmt, ap);
	line[n++] = '\n';
	if (kr_err_fd >= 0)
		sys_write(kr_err_fd, line, n);
}

void kr_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kr_vsay(fmt, ap);
	va_end(ap);
}

void kr_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kr_vsay(fmt, ap);
	va_end(ap);
	sys_exit_group(status);
}

void kr_puts(int fd, const char *s)
{
	sys_write(fd, s, kr_strlen(s));
}
