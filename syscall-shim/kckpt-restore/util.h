/* SPDX-License-Identifier: GPL-2.0 */
/* Tiny string, number and message helpers (there is no libc). */
#ifndef KR_UTIL_H
#define KR_UTIL_H

#include <stdarg.h>

/* The compiler may emit calls to these even with -ffreestanding. */
void *memcpy(void *dst, const void *src, unsigned long n);
void *memset(void *dst, int c, unsigned long n);

unsigned long kr_strlen(const char *s);
int kr_streq(const char *a, const char *b);
int kr_startswith(const char *s, const char *prefix);
/* Decimal digits only; 0 on success, -1 when empty, not a number or > max. */
int kr_parse_ulong(const char *s, unsigned long max, unsigned long *out);

/* "No such file or directory" for -ENOENT or ENOENT. */
const char *kr_errstr(long err);

/*
 * printf subset for messages: %s %c %d %u %ld %lu %lx %llx %%. Always
 * NUL-terminates; returns the length written.
 */
unsigned long kr_vfmt(char *buf, unsigned long size, const char *fmt,
		      va_list ap);
unsigned long kr_fmt(char *buf, unsigned long size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Where messages go: fd 2 at first, a kept duplicate of it later. */
extern int kr_err_fd;

/* Prints "kckpt-restore: <message>" as one line and exits with @status. */
__attribute__((noreturn, format(printf, 2, 3)))
void kr_die(int status, const char *fmt, ...);
/* Prints "kckpt-restore: <message>" as one line and goes on. */
__attribute__((format(printf, 1, 2)))
void kr_warn(const char *fmt, ...);
/* Prints a line to fd @fd (usage and help text). */
void kr_puts(int fd, const char *s);

#endif /* KR_UTIL_H */
