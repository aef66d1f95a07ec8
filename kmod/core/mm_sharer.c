// SPDX-License-Identifier: GPL-2.0
/*
 * Another process using the current process's memory: clone(CLONE_VM)
 * without a thread group, or a vfork parent. Neither a checkpoint (the
 * other could write while the image is written; the restored process
 * would share with no one) nor a restore (FINISH would replace the other's
 * memory too) may go on with one. mm_users counts every user, transient
 * ones (/proc readers) too, so a process that really uses it is looked
 * for, as process_shares_mm() does for oom_score_adj: the first thread of
 * a process that has an mm tells.
 */
#include <linux/mm_types.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

#include "core/kckpt.h"

pid_t kckpt_mm_sharer(struct mm_struct *mm)
{
	struct task_struct *p, *t;
	pid_t found = 0;

	if (atomic_read(&mm->mm_users) <= get_nr_threads(current))
		return 0;
	rcu_read_lock();
	for_each_process(p) {
		if (same_thread_group(p, current) || (p->flags & PF_KTHREAD))
			continue;
		for_each_thread(p, t) {
			struct mm_struct *t_mm = READ_ONCE(t->mm);

			if (t_mm) {
				if (t_mm == mm)
					found = task_tgid_vnr(p);
				break;
			}
		}
		if (found)
			break;
	}
	rcu_read_unlock();
	return found;
}
