/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What kckpt.ko exports to other kernel modules (kckpt_tty.ko): one call.
 * Not a user-space interface; that is uapi/kckpt.h.
 */
#ifndef _KCKPT_KAPI_H
#define _KCKPT_KAPI_H

struct pid;

/**
 * kckpt_request_pgrp - apply KCKPT_IOC_REQUEST's semantics to every process
 * of a process group, as the terminal's checkpoint character does
 * @pgrp:	the process group (the terminal's foreground group)
 * @flags:	KCKPT_REQ_* (uapi/kckpt.h)
 *
 * Each process decides in its own context (SIGCKPT handler: signal; SIG_DFL:
 * checkpoint to the default file and continue; SIG_IGN: nothing). Does not
 * wait for them: results and failures go to the kernel log. No permission
 * check: like ^C, the terminal's user may do this to its foreground job.
 * Process context only (it sleeps); never from a tty receive path.
 *
 * Return: the number of processes asked, or a negative errno.
 */
int kckpt_request_pgrp(struct pid *pgrp, unsigned int flags);

#endif /* _KCKPT_KAPI_H */
