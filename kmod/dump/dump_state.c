// SPDX-License-Identifier: GPL-2.0
/*
 * Process and thread state: the image header, registers (through the
 * regsets, read by the task itself), the KCKPT thread/process notes, the
 * CORE notes gdb reads, and signal state.
 */
#include <linux/crc32.h>
#include <linux/elf.h>
#include <linux/elfcore.h>
#include <linux/fs_struct.h>
#include <linux/futex.h>
#include <linux/hrtimer.h>
#include <linux/pid_namespace.h>
#include <linux/ptrace.h>
#include <linux/regset.h>
#include <linux/rseq.h>
#include <linux/sched/coredump.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

#include "arch/arch.h"
#include "core/compat.h"
#include "dump/dump.h"
#include "core/kckpt.h"

static const struct user_regset *kckpt_regset(unsigned int note_type)
{
	const struct user_regset_view *view = task_user_regset_view(current);
	int i;

	for (i = 0; i < view->n; i++)
		if (view->regsets[i].core_note_type == note_type)
			return &view->regsets[i];
	return NULL;
}

static unsigned int kckpt_regset_size(const struct user_regset *rs)
{
	return rs ? rs->n * rs->size : 0;
}

static void kckpt_fill_pids(struct kckpt_dump *d, pid_t *pid, pid_t *ppid,
			    pid_t *pgid, pid_t *sid)
{
	struct pid_namespace *ns = d->req->pidns;

	*pid = task_tgid_nr_ns(current, ns);
	rcu_read_lock();
	*ppid = task_tgid_nr_ns(rcu_dereference(current->real_parent), ns);
	rcu_read_unlock();
	*pgid = task_pgrp_nr_ns(current, ns);
	*sid = task_session_nr_ns(current, ns);
}

int kckpt_note_image_header(struct kckpt_dump *d)
{
	const struct cred *cred = current_cred();
	struct kckpt_image_hdr *h;
	struct timespec64 now;
	int err;

	h = kzalloc(sizeof(*h), GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	ktime_get_real_ts64(&now);
	h->format_version = KCKPT_FORMAT_VERSION;
	h->abi_version = KCKPT_ABI_VERSION;
	h->flags = d->req->self ? KCKPT_IMG_SELF : 0;
	h->resume_code = d->req->resume_code;
	h->created_sec = now.tv_sec;
	h->created_nsec = now.tv_nsec;
	h->nr_threads = 1;
	h->uid = from_kuid_munged(&init_user_ns, cred->uid);
	h->gid = from_kgid_munged(&init_user_ns, cred->gid);
	h->euid = from_kuid_munged(&init_user_ns, cred->euid);
	h->egid = from_kgid_munged(&init_user_ns, cred->egid);
	kckpt_fill_pids(d, &h->pid, &h->ppid, &h->pgid, &h->sid);
	h->xfeatures = kckpt_arch_xfeatures();
	h->xstate_size = kckpt_regset_size(kckpt_regset(NT_X86_XSTATE));
	h->page_size = PAGE_SIZE;
	strscpy(h->kernel_release, utsname()->release, sizeof(h->kernel_release));
	strscpy(h->kernel_version, utsname()->version, sizeof(h->kernel_version));
	strscpy(h->hostname, utsname()->nodename, sizeof(h->hostname));
	strscpy(h->module_version, KCKPT_MODULE_VERSION, sizeof(h->module_version));
	err = kckpt_vdso_identity(d, &h->vdso_start, &h->vdso_size,
				  &h->vdso_crc32c);
	err = err ?: kckpt_note_add(&d->img, KCKPT_NOTE_NAME, KCKPT_NT_IMAGE,
				    h, sizeof(*h));
	kfree(h);
	return err;
}

/*
 * Does a pending signal with a handler interrupt the syscall instead of
 * letting it restart? (-ERESTARTSYS restarts only under SA_RESTART.)
 */
static bool kckpt_handler_interrupts(bool restartsys)
{
	struct sighand_struct *sh = current->sighand;
	u64 pending;
	bool intr = false;
	int sig;

	spin_lock_irq(&sh->siglock);
	pending = (current->pending.signal.sig[0] |
		   current->signal->shared_pending.signal.sig[0]) &
		  ~current->blocked.sig[0];
	for (sig = 1; sig <= KCKPT_NSIG; sig++) {
		struct k_sigaction *ka = &sh->action[sig - 1];

		if (!(pending & (1ULL << (sig - 1))) ||
		    ka->sa.sa_handler == SIG_IGN || ka->sa.sa_handler == SIG_DFL)
			continue;
		intr = !restartsys || !(ka->sa.sa_flags & SA_RESTART);
		break;
	}
	spin_unlock_irq(&sh->siglock);
	return intr;
}

/*
 * The registers the restored process must resume with. A parked task may
 * sit in the middle of an interrupted syscall (ax = -ERESTART*, ip after
 * the syscall instruction): save the state the kernel would have produced.
 */
static u32 kckpt_fix_restart(struct kckpt_dump *d, struct user_regs_struct *r,
			     s32 *nr)
{
	long ret = kckpt_arch_syscall_ret(r);

	*nr = kckpt_arch_take_syscall(r);
	if (d->req->self) {
		kckpt_arch_set_syscall_ret(r, d->req->resume_code);
		return KCKPT_RESTART_RESUME;
	}
	if (*nr < 0)
		return KCKPT_RESTART_NONE;
	switch (ret) {
	case -ERESTARTNOHAND:
	case -ERESTARTSYS:
	case -ERESTART_RESTARTBLOCK:
		if (kckpt_handler_interrupts(ret == -ERESTARTSYS)) {
			kckpt_arch_set_syscall_ret(r, -EINTR);
			return KCKPT_RESTART_EINTR;
		}
		fallthrough;
	case -ERESTARTNOINTR:
		/* re-issue the original call (relative timeouts start over) */
		kckpt_arch_reissue_syscall(r, *nr);
		return KCKPT_RESTART_REISSUE;
	default:
		return KCKPT_RESTART_NONE;
	}
}

/* If ip is inside an rseq critical section, resume at its abort handler. */
static void kckpt_fix_rseq(struct user_regs_struct *r)
{
	struct rseq __user *rs = kckpt_rseq_area(current);
	struct rseq_cs cs;
	u64 ptr;

	if (!rs || get_user(ptr, &rs->rseq_cs) || !ptr)
		return;
	if (copy_from_user(&cs, (void __user *)(unsigned long)ptr, sizeof(cs)))
		return;
	if (kckpt_arch_ip(r) - cs.start_ip < cs.post_commit_offset)
		kckpt_arch_set_ip(r, cs.abort_ip);
}

static int kckpt_note_prstatus(struct kckpt_dump *d, struct kckpt_thread *t)
{
	const struct user_regset *rs = kckpt_regset(NT_PRSTATUS);
	struct elf_prstatus *prs;
	struct user_regs_struct *regs;
	void *data;
	int n, err;

	n = rs ? regset_get_alloc(current, rs, kckpt_regset_size(rs), &data) :
		 -EINVAL;
	if (n < 0)
		return n;
	prs = kzalloc(sizeof(*prs), GFP_KERNEL);
	if (!prs) {
		kvfree(data);
		return -ENOMEM;
	}
	memcpy(&prs->pr_reg, data, min_t(size_t, n, sizeof(prs->pr_reg)));
	kvfree(data);
	regs = (struct user_regs_struct *)&prs->pr_reg;
	t->restart = kckpt_fix_restart(d, regs, &t->syscall_nr);
	kckpt_fix_rseq(regs);
	kckpt_arch_tls(regs, &t->fs_base, &t->gs_base);

	kckpt_fill_pids(d, &kckpt_prstatus_common(prs)->pr_pid,
			&kckpt_prstatus_common(prs)->pr_ppid,
			&kckpt_prstatus_common(prs)->pr_pgrp,
			&kckpt_prstatus_common(prs)->pr_sid);
	/* the thread's id */
	kckpt_prstatus_common(prs)->pr_pid = task_pid_nr_ns(current, d->req->pidns);
	kckpt_prstatus_common(prs)->pr_sighold = current->blocked.sig[0];
	prs->pr_fpvalid = 1;
	err = kckpt_note_add(&d->img, "CORE", NT_PRSTATUS, prs, sizeof(*prs));
	kfree(prs);
	return err;
}

static int kckpt_note_regset(struct kckpt_dump *d, unsigned int type,
			     const char *name)
{
	const struct user_regset *rs = kckpt_regset(type);
	void *data;
	int n, err;

	if (!rs || !rs->n)
		return 0;
	n = regset_get_alloc(current, rs, kckpt_regset_size(rs), &data);
	if (n < 0)
		return n;
	err = kckpt_note_add(&d->img, name, type, data, n);
	kvfree(data);
	return err;
}

int kckpt_note_threads(struct kckpt_dump *d)
{
	struct kckpt_thread t = {
		.tid = task_pid_nr_ns(current, d->req->pidns),
		.sigmask = current->blocked.sig[0],
		.ss_sp = current->sas_ss_sp,
		.ss_size = current->sas_ss_size,
		.ss_flags = current->sas_ss_flags,
		.rseq = (unsigned long)kckpt_rseq_area(current),
		.rseq_len = kckpt_rseq_len(current),
		.rseq_sig = kckpt_rseq_sig(current),
		.robust_list = (unsigned long)kckpt_robust_list(current),
		.robust_list_len = kckpt_robust_list(current) ?
				   sizeof(struct robust_list_head) : 0,
		.set_child_tid = (unsigned long)current->set_child_tid,
		.clear_child_tid = (unsigned long)current->clear_child_tid,
	};
	int err;

	err = kckpt_note_prstatus(d, &t);
	err = err ?: kckpt_note_regset(d, NT_PRFPREG, "CORE");
	err = err ?: kckpt_note_regset(d, NT_X86_XSTATE, "LINUX");
	d->restart = t.restart;
	return err ?: kckpt_note_add(&d->img, KCKPT_NOTE_NAME, KCKPT_NT_THREAD,
				     &t, sizeof(t));
}

static void kckpt_fill_psinfo(struct kckpt_dump *d, struct elf_prpsinfo *ps)
{
	const struct cred *cred = current_cred();
	unsigned long len;
	int i;

	ps->pr_state = 0;
	ps->pr_sname = 'R';
	ps->pr_nice = task_nice(current);
	ps->pr_uid = from_kuid_munged(cred->user_ns, cred->uid);
	ps->pr_gid = from_kgid_munged(cred->user_ns, cred->gid);
	kckpt_fill_pids(d, &ps->pr_pid, &ps->pr_ppid, &ps->pr_pgrp, &ps->pr_sid);
	get_task_comm(ps->pr_fname, current);
	len = min_t(unsigned long, d->mm->arg_end - d->mm->arg_start,
		    ELF_PRARGSZ - 1);
	if (copy_from_user(ps->pr_psargs, (void __user *)d->mm->arg_start, len))
		len = 0;
	for (i = 0; i < len; i++)
		if (!ps->pr_psargs[i])
			ps->pr_psargs[i] = ' ';
	ps->pr_psargs[len] = '\0';
}

static size_t kckpt_auxv_len(struct mm_struct *mm)
{
	size_t i = 0;

	while (i + 1 < AT_VECTOR_SIZE && mm->saved_auxv[i] != AT_NULL)
		i += 2;
	return (i + 2) * sizeof(mm->saved_auxv[0]);
}

static void kckpt_fill_itimer(struct kckpt_proc *p)
{
	struct signal_struct *sig = current->signal;
	struct hrtimer *timer = &sig->real_timer;

	spin_lock_irq(&current->sighand->siglock);
	if (hrtimer_is_queued(timer)) {
		s64 left = ktime_to_ns(__hrtimer_get_remaining(timer, false));

		p->itimer_real_value_ns = max_t(s64, left, NSEC_PER_USEC);
	} else if (sig->it_real_incr) {
		/*
		 * An interval timer that expired and waits for its SIGALRM
		 * to be dequeued, which rearms it. Saved as expiring at once:
		 * the restored timer fires (its SIGALRM merges with the
		 * pending one) and waits the same way. As disarmed (0), the
		 * restore would lose the interval.
		 */
		p->itimer_real_value_ns = NSEC_PER_USEC;
	}
	p->itimer_real_interval_ns = ktime_to_ns(sig->it_real_incr);
	spin_unlock_irq(&current->sighand->siglock);
}

static void kckpt_fill_proc(struct kckpt_dump *d, struct kckpt_proc *p)
{
	struct mm_struct *mm = d->mm;
	int i;

	p->umask = current_umask();
	p->personality = current->personality;
	get_task_comm(p->comm, current);
	p->dumpable = kckpt_dumpable(current, mm);
	p->confinement = kckpt_confinement();
	kckpt_fill_itimer(p);
	p->start_code = mm->start_code;
	p->end_code = mm->end_code;
	p->start_data = mm->start_data;
	p->end_data = mm->end_data;
	p->start_brk = mm->start_brk;
	p->brk = mm->brk;
	p->start_stack = mm->start_stack;
	spin_lock(&mm->arg_lock);
	p->arg_start = mm->arg_start;
	p->arg_end = mm->arg_end;
	p->env_start = mm->env_start;
	p->env_end = mm->env_end;
	spin_unlock(&mm->arg_lock);
	p->auxv_len = kckpt_auxv_len(mm);
	task_lock(current->group_leader);
	for (i = 0; i < KCKPT_NRLIMITS && i < RLIM_NLIMITS; i++) {
		p->rlim[i].cur = current->signal->rlim[i].rlim_cur;
		p->rlim[i].max = current->signal->rlim[i].rlim_max;
	}
	task_unlock(current->group_leader);
}

static int kckpt_note_path(struct kckpt_dump *d, u32 type, const struct path *p)
{
	const char *s = kckpt_path(d, p);

	return kckpt_note_add(&d->img, KCKPT_NOTE_NAME, type, s, strlen(s) + 1);
}

static int kckpt_note_cwd_exe(struct kckpt_dump *d)
{
	struct path pwd;
	int i, err;

	get_fs_pwd(current->fs, &pwd);
	err = kckpt_note_path(d, KCKPT_NT_CWD, &pwd);
	path_put(&pwd);
	for (i = 0; i < d->nr_vmas && !err; i++) {
		const struct kckpt_vma_snap *s = &d->vmas[i];

		if (s->file && s->start <= d->mm->start_code &&
		    d->mm->start_code < s->end)
			return kckpt_note_path(d, KCKPT_NT_EXE,
					       kckpt_user_path(s->file));
	}
	return err;
}

int kckpt_note_process(struct kckpt_dump *d)
{
	struct elf_prpsinfo *ps;
	struct kckpt_proc *p;
	int err = -ENOMEM;

	ps = kzalloc(sizeof(*ps), GFP_KERNEL);
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (ps && p) {
		kckpt_fill_psinfo(d, ps);
		kckpt_fill_proc(d, p);
		err = kckpt_note_add(&d->img, "CORE", NT_PRPSINFO, ps, sizeof(*ps));
		err = err ?: kckpt_note_add(&d->img, "CORE", NT_AUXV,
					    d->mm->saved_auxv, p->auxv_len);
		err = err ?: kckpt_note_add(&d->img, KCKPT_NOTE_NAME,
					    KCKPT_NT_PROC, p, sizeof(*p));
		err = err ?: kckpt_note_cwd_exe(d);
	}
	kfree(ps);
	kfree(p);
	return err;
}

static void kckpt_fill_sigactions(struct kckpt_sigaction *sa)
{
	struct sighand_struct *sh = current->sighand;
	int i;

	spin_lock_irq(&sh->siglock);
	for (i = 0; i < KCKPT_NSIG; i++) {
		struct sigaction *k = &sh->action[i].sa;

		sa[i].handler = (unsigned long)k->sa_handler;
		sa[i].flags = k->sa_flags;
		sa[i].restorer = (unsigned long)k->sa_restorer;
		sa[i].mask = k->sa_mask.sig[0];
	}
	spin_unlock_irq(&sh->siglock);
}

/*
 * Appends the queued signals of @q to @out (at most @max entries, else
 * -ENOSPC); a pending bit without a queue entry becomes a SI_KERNEL
 * siginfo.
 */
static int kckpt_fill_queue(struct sigpending *q, u32 queue, pid_t tid,
			    struct kckpt_siginfo *out, int max)
{
	u64 bits = q->signal.sig[0], seen = 0;
	struct sigqueue *sq;
	int n = 0, sig;

	list_for_each_entry(sq, &q->list, list) {
		if (n == max)
			return -ENOSPC;
		out[n].queue = queue;
		out[n].tid = tid;
		memcpy(out[n].info, &sq->info, sizeof(sq->info));
		seen |= 1ULL << (sq->info.si_signo - 1);
		n++;
	}
	for (sig = 1; sig <= KCKPT_NSIG; sig++) {
		kernel_siginfo_t info = { .si_signo = sig, .si_code = SI_KERNEL };

		if (!(bits & ~seen & (1ULL << (sig - 1))))
			continue;
		if (n == max)
			return -ENOSPC;
		out[n].queue = queue;
		out[n].tid = tid;
		memcpy(out[n].info, &info, sizeof(info));
		n++;
	}
	return n;
}

#define KCKPT_MAX_PENDING	4096

static int kckpt_note_pending(struct kckpt_dump *d)
{
	pid_t tid = task_pid_nr_ns(current, d->req->pidns);
	struct kckpt_siginfo *si;
	int n, shared, err;

	si = kvcalloc(KCKPT_MAX_PENDING, sizeof(*si), KCKPT_GFP_SIZED);
	if (!si)
		return -ENOMEM;
	spin_lock_irq(&current->sighand->siglock);
	n = kckpt_fill_queue(&current->pending, KCKPT_SIGQ_THREAD, tid, si,
			     KCKPT_MAX_PENDING);
	shared = n < 0 ? 0 :
		 kckpt_fill_queue(&current->signal->shared_pending,
				  KCKPT_SIGQ_SHARED, 0, si + n,
				  KCKPT_MAX_PENDING - n);
	spin_unlock_irq(&current->sighand->siglock);
	if (n < 0 || shared < 0) {
		kvfree(si);
		kckpt_reason(d->req, "more than %d signals are queued, more than an image holds",
			     KCKPT_MAX_PENDING);
		return -EOPNOTSUPP;
	}
	n += shared;
	err = kckpt_note_add(&d->img, KCKPT_NOTE_NAME, KCKPT_NT_SIGPENDING, si,
			     n * sizeof(*si));
	kvfree(si);
	return err;
}

int kckpt_note_signals(struct kckpt_dump *d)
{
	struct kckpt_sigaction *sa;
	int err;

	sa = kcalloc(KCKPT_NSIG, sizeof(*sa), GFP_KERNEL);
	if (!sa)
		return -ENOMEM;
	kckpt_fill_sigactions(sa);
	err = kckpt_note_add(&d->img, KCKPT_NOTE_NAME, KCKPT_NT_SIGACTIONS, sa,
			     KCKPT_NSIG * sizeof(*sa));
	kfree(sa);
	return err ?: kckpt_note_pending(d);
}
