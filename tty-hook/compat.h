/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The line discipline API of the kernels KCkpt supports (5.10, 6.1, 6.12,
 * 7.2). The receive hooks of struct tty_ldisc_ops changed their types:
 *	5.10:	void receive_buf(tty, const unsigned char *cp, char *fp, int count)
 *		int receive_buf2(tty, const unsigned char *cp, char *fp, int count)
 *		(no lookahead_buf)
 *	6.1:	the same with "const char *fp" (5.14), and
 *		void lookahead_buf(tty, const unsigned char *cp,
 *				   const unsigned char *fp, unsigned int count)
 *	6.6 on:	u8 for every byte, size_t for every count and result.
 * tty_register_ldisc() took the number and the ops until 5.14, only the ops
 * (whose num it reads) since; N_DEVELOPMENT (29) was named in 5.13, and is
 * below NR_LDISCS (30) before that too. The rest of kckpt_tty.c is written
 * once against these names.
 */
#ifndef _KCKPT_TTY_COMPAT_H
#define _KCKPT_TTY_COMPAT_H

#include <linux/tty.h>
#include <linux/tty_ldisc.h>
#include <linux/types.h>
#include <linux/version.h>

#ifndef N_DEVELOPMENT
#define N_DEVELOPMENT	29
#endif

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
typedef const u8 *ktty_fp_t;		/* fp of receive_buf/receive_buf2 */
typedef u8 ktty_la_flag_t;		/* fp[] of lookahead_buf */
typedef size_t ktty_count_t;		/* count and result of receive_buf/2 */
typedef size_t ktty_la_count_t;		/* count of lookahead_buf */
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(5, 14, 0)
typedef const char *ktty_fp_t;
typedef unsigned char ktty_la_flag_t;
typedef int ktty_count_t;
typedef unsigned int ktty_la_count_t;
#else
typedef char *ktty_fp_t;
typedef unsigned char ktty_la_flag_t;
typedef int ktty_count_t;
typedef unsigned int ktty_la_count_t;
#endif

typedef void (*ktty_lookahead_fn)(struct tty_struct *tty,
				  const unsigned char *cp,
				  const ktty_la_flag_t *fp,
				  ktty_la_count_t count);

/* lookahead_buf (flow control characters seen early) exists since 6.0. */
static inline ktty_lookahead_fn ktty_get_lookahead(const struct tty_ldisc_ops *ops)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 0, 0)
	return ops->lookahead_buf;
#else
	return NULL;
#endif
}

static inline void ktty_set_lookahead(struct tty_ldisc_ops *ops,
				      ktty_lookahead_fn fn)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 0, 0)
	ops->lookahead_buf = fn;
#endif
}

static inline int ktty_register_ldisc(struct tty_ldisc_ops *ops)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 14, 0)
	return tty_register_ldisc(ops);
#else
	return tty_register_ldisc(ops->num, ops);
#endif
}

static inline void ktty_unregister_ldisc(struct tty_ldisc_ops *ops)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 14, 0)
	tty_unregister_ldisc(ops);
#else
	tty_unregister_ldisc(ops->num);
#endif
}

#endif /* _KCKPT_TTY_COMPAT_H */
