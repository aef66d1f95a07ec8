/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The receive hooks of struct tty_ldisc_ops changed their types in 6.6
 * ("tty: make tty_ldisc_ops::*buf*() hooks operate on size_t", "use u8 for
 * flags"): Debian's 6.1 has
 *	void receive_buf(tty, const unsigned char *cp, const char *fp, int count)
 *	int receive_buf2(tty, const unsigned char *cp, const char *fp, int count)
 *	void lookahead_buf(tty, const unsigned char *cp,
 *			   const unsigned char *fp, unsigned int count)
 * and 6.12 has u8 for every byte and size_t for every count and result.
 * The rest of kckpt_tty.c is written once against these two names.
 */
#ifndef _KCKPT_TTY_COMPAT_H
#define _KCKPT_TTY_COMPAT_H

#include <linux/types.h>
#include <linux/version.h>

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
typedef u8 ktty_flag_t;		/* fp[] of receive_buf/receive_buf2 */
typedef u8 ktty_la_flag_t;	/* fp[] of lookahead_buf */
typedef size_t ktty_count_t;	/* count and result of receive_buf/2 */
typedef size_t ktty_la_count_t;	/* count of lookahead_buf */
#else
typedef char ktty_flag_t;
typedef unsigned char ktty_la_flag_t;
typedef int ktty_count_t;
typedef unsigned int ktty_la_count_t;
#endif

#endif /* _KCKPT_TTY_COMPAT_H */
