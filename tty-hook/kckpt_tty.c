// SPDX-License-Identifier: GPL-2.0
/*
 * kckpt_tty.ko: the ^E line discipline.
 *
 * N_TTY with one more special character: with ISIG set, the checkpoint
 * character (^E unless the ckpt_char parameter says otherwise) is consumed
 * like ^C, and the terminal's foreground process group is asked to
 * checkpoint itself (kckpt_request_pgrp(): SIGCKPT handler -> signal,
 * SIG_DFL -> checkpoint to the default file and continue, SIG_IGN ->
 * nothing). Every other byte reaches n_tty unchanged and in order.
 *
 * The receive path only takes a reference to the foreground group, as
 * n_tty's own ISIG handling does (tty_get_pgrp() from __isig()), and
 * queues it; a work item in process context makes the request. The work
 * never touches the tty, so a tty may go away while a request is pending.
 *
 * Select it with TIOCSETD N_DEVELOPMENT (29), or `checkpt tty on`.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/list.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/tty_ldisc.h>
#include <linux/workqueue.h>

#include "kckpt_kapi.h"
#include "compat.h"

#define KCKPT_TTY_LDISC N_DEVELOPMENT

static unsigned char ckpt_char = 0x05;	/* ^E */
module_param(ckpt_char, byte, 0644);
MODULE_PARM_DESC(ckpt_char,
		 "the checkpoint character, a byte value (default 5 = ^E; 0 disables)");

/* n_tty's methods, which ours call; and ours, registered as N_DEVELOPMENT. */
static struct tty_ldisc_ops n_tty_ops;
static struct tty_ldisc_ops kckpt_tty_ops;
static ktty_lookahead_fn n_tty_lookahead;	/* NULL where there is none */

/*
 * A ^E waiting for the work: the foreground group it was typed at. @tty is
 * only compared (to coalesce repeated ^E of one terminal), never followed.
 */
struct kckpt_tty_req {
	struct list_head node;
	const struct tty_struct *tty;
	struct pid *pgrp;
};

static LIST_HEAD(kckpt_tty_pending);
static DEFINE_SPINLOCK(kckpt_tty_lock);

static void kckpt_tty_work_fn(struct work_struct *work)
{
	struct kckpt_tty_req *req;
	int ret;

	for (;;) {
		spin_lock(&kckpt_tty_lock);
		req = list_first_entry_or_null(&kckpt_tty_pending,
					       struct kckpt_tty_req, node);
		if (req)
			list_del(&req->node);
		spin_unlock(&kckpt_tty_lock);
		if (!req)
			break;
		ret = kckpt_request_pgrp(req->pgrp, 0);
		if (ret < 0)
			pr_warn_ratelimited("request for process group %d failed: %d\n",
					    pid_nr(req->pgrp), ret);
		else
			pr_debug("asked %d processes of group %d\n", ret,
				 pid_nr(req->pgrp));
		put_pid(req->pgrp);
		kfree(req);
	}
}

static DECLARE_WORK(kckpt_tty_work, kckpt_tty_work_fn);

/*
 * The checkpoint character was typed at @tty: queue a request for its
 * foreground group. Called from the receive path (flush_to_ldisc's worker
 * or TIOCSTI), which must not sleep on anything of ours: one GFP_ATOMIC
 * allocation and a spinlock. tty_get_pgrp() takes tty->ctrl.lock with
 * interrupts off and a pid reference; n_tty calls it from the same path.
 */
static void kckpt_tty_request(struct tty_struct *tty)
{
	struct kckpt_tty_req *req, *r;
	struct pid *pgrp;
	bool queued = false;

	pgrp = tty_get_pgrp(tty);
	if (!pgrp)
		return;		/* no foreground job: nobody to ask */
	req = kmalloc(sizeof(*req), GFP_ATOMIC | __GFP_NOWARN);
	if (!req) {
		put_pid(pgrp);
		pr_warn_ratelimited("out of memory: checkpoint character dropped\n");
		return;
	}
	req->tty = tty;
	req->pgrp = pgrp;

	spin_lock(&kckpt_tty_lock);
	list_for_each_entry(r, &kckpt_tty_pending, node) {
		if (r->tty == tty && r->pgrp == pgrp) {
			queued = true;	/* the same request is still waiting */
			break;
		}
	}
	if (!queued)
		list_add_tail(&req->node, &kckpt_tty_pending);
	spin_unlock(&kckpt_tty_lock);

	if (queued) {
		put_pid(pgrp);
		kfree(req);
		return;
	}
	schedule_work(&kckpt_tty_work);
}

/* The checkpoint character if it acts on @tty now, else 0. */
static u8 kckpt_tty_active_char(struct tty_struct *tty)
{
	u8 c = READ_ONCE(ckpt_char);

	return c && L_ISIG(tty) ? c : 0;
}

/*
 * The length of the run of @cp before the next checkpoint character @c
 * (a byte @c with a flag other than TTY_NORMAL is data, not a request).
 */
static size_t kckpt_tty_run(const u8 *cp, const u8 *fp, size_t count, u8 c)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (cp[i] == c && (!fp || fp[i] == TTY_NORMAL))
			break;
	return i;
}

/* n_tty's receive hooks that get the bytes between checkpoint characters. */
enum kckpt_tty_hook {
	KCKPT_TTY_RECEIVE2,
	KCKPT_TTY_RECEIVE,
	KCKPT_TTY_LOOKAHEAD,
};

/* Passes @n bytes to n_tty's @hook; returns how many it took. */
static size_t kckpt_tty_pass(enum kckpt_tty_hook hook, struct tty_struct *tty,
			     const u8 *cp, const u8 *fp, size_t n)
{
	switch (hook) {
	case KCKPT_TTY_RECEIVE2:
		return n_tty_ops.receive_buf2(tty, cp, (ktty_fp_t)fp, n);
	case KCKPT_TTY_RECEIVE:
		n_tty_ops.receive_buf(tty, cp, (ktty_fp_t)fp, n);
		break;
	case KCKPT_TTY_LOOKAHEAD:
		n_tty_lookahead(tty, cp, (const ktty_la_flag_t *)fp, n);
		break;
	}
	return n;
}

/*
 * Hands @count bytes to n_tty's @hook a run at a time, taking each
 * checkpoint character @c out between the runs: received, it is a request;
 * looked ahead at, it is skipped (handled when it is received). n_tty may
 * take fewer bytes than offered (receive_buf2: its buffer is full, or the
 * ldisc is changing): the result counts the bytes it took plus the
 * checkpoint characters consumed before the first byte it did not take, so
 * the tty core offers exactly the rest again later.
 */
static size_t kckpt_tty_split(enum kckpt_tty_hook hook, struct tty_struct *tty,
			      const u8 *cp, const u8 *fp, size_t count, u8 c)
{
	size_t done = 0, run, n;

	while (done < count) {
		run = kckpt_tty_run(cp + done, fp ? fp + done : NULL,
				    count - done, c);
		if (run) {
			n = kckpt_tty_pass(hook, tty, cp + done,
					   fp ? fp + done : NULL, run);
			done += n;
			if (n < run)
				break;
		}
		if (done < count) {	/* cp[done] is the checkpoint character */
			if (hook != KCKPT_TTY_LOOKAHEAD)
				kckpt_tty_request(tty);
			done++;
		}
	}
	return done;
}

static ktty_count_t kckpt_tty_receive_buf2(struct tty_struct *tty,
					   const unsigned char *cp,
					   ktty_fp_t fp,
					   ktty_count_t count)
{
	u8 c = kckpt_tty_active_char(tty);

	if (!c)
		return n_tty_ops.receive_buf2(tty, cp, fp, count);
	return kckpt_tty_split(KCKPT_TTY_RECEIVE2, tty, cp, (const u8 *)fp,
			       count, c);
}

/*
 * receive_buf: used by callers that do not look at a count (TIOCSTI, and
 * the core if receive_buf2 were missing); n_tty drops what does not fit,
 * as it would without us.
 */
static void kckpt_tty_receive_buf(struct tty_struct *tty,
				  const unsigned char *cp,
				  ktty_fp_t fp, ktty_count_t count)
{
	u8 c = kckpt_tty_active_char(tty);

	if (!c)
		n_tty_ops.receive_buf(tty, cp, fp, count);
	else
		kckpt_tty_split(KCKPT_TTY_RECEIVE, tty, cp, (const u8 *)fp,
				count, c);
}

/*
 * lookahead_buf: when n_tty's buffer is full the core shows it the bytes
 * still waiting so that ^S/^Q act at once; n_tty counts them and skips
 * their flow control when they are received for real. Checkpoint
 * characters never reach n_tty's receive path, so they must not be
 * counted here either: only the runs between them are passed on.
 */
static void kckpt_tty_lookahead_buf(struct tty_struct *tty,
				    const unsigned char *cp,
				    const ktty_la_flag_t *fp,
				    ktty_la_count_t count)
{
	u8 c = kckpt_tty_active_char(tty);

	if (!c)
		n_tty_lookahead(tty, cp, fp, count);
	else
		kckpt_tty_split(KCKPT_TTY_LOOKAHEAD, tty, cp, (const u8 *)fp,
				count, c);
}

/* Requests typed at this tty are made before its ldisc goes away. */
static void kckpt_tty_close(struct tty_struct *tty)
{
	n_tty_ops.close(tty);
	flush_work(&kckpt_tty_work);
}

static int __init kckpt_tty_init(void)
{
	int ret;

	n_tty_inherit_ops(&n_tty_ops);
	kckpt_tty_ops = n_tty_ops;
	/* n_tty_inherit_ops() copies num = N_TTY: set num before registering */
	kckpt_tty_ops.num = KCKPT_TTY_LDISC;
	kckpt_tty_ops.name = "kckpt";
	kckpt_tty_ops.owner = THIS_MODULE;
	kckpt_tty_ops.close = kckpt_tty_close;
	kckpt_tty_ops.receive_buf = kckpt_tty_receive_buf;
	kckpt_tty_ops.receive_buf2 = kckpt_tty_receive_buf2;
	n_tty_lookahead = ktty_get_lookahead(&n_tty_ops);
	if (n_tty_lookahead)
		ktty_set_lookahead(&kckpt_tty_ops, kckpt_tty_lookahead_buf);

	ret = ktty_register_ldisc(&kckpt_tty_ops);
	if (ret) {
		pr_err("cannot register line discipline %d: %d\n",
		       KCKPT_TTY_LDISC, ret);
		return ret;
	}
	pr_info("line discipline %d \"%s\" registered, checkpoint character %d\n",
		KCKPT_TTY_LDISC, kckpt_tty_ops.name, ckpt_char);
	return 0;
}

/*
 * Every tty using the ldisc holds a reference to this module (ops.owner),
 * so exit runs only when none does: no receive can queue anything more.
 */
static void __exit kckpt_tty_exit(void)
{
	struct kckpt_tty_req *req, *tmp;

	ktty_unregister_ldisc(&kckpt_tty_ops);
	flush_work(&kckpt_tty_work);
	list_for_each_entry_safe(req, tmp, &kckpt_tty_pending, node) {
		list_del(&req->node);
		put_pid(req->pgrp);
		kfree(req);
	}
}

module_init(kckpt_tty_init);
module_exit(kckpt_tty_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KCkpt: checkpoint the foreground job on ^E (line discipline 29)");
MODULE_AUTHOR("KCkpt developers");
MODULE_VERSION(KCKPT_MODULE_VERSION);
