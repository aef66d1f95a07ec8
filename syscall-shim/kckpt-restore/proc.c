// SPDX-License-Identifier: GPL-2.0
/*
 * Process-wide state user space sets for itself: working directory,
 * umask, personality, name, resource limits, no_new_privs.
 */
#include <linux/errno.h>
#include <linux/prctl.h>
#include <linux/resource.h>

#include "restore.h"
#include "sys.h"
#include "util.h"

void kr_proc_restore(struct kr_state *st)
{
	char comm[KCKPT_COMM_LEN + 1];
	long r;

	if (st->have_cwd) {
		r = sys_chdir(st->cwd);
		if (r < 0)
			kr_die(KR_EXIT_FAILED, "changing to the working directory %s: %s",
			       st->cwd, kr_errstr(r));
	}
	sys_umask(st->proc.umask & 0777);
	r = sys_personality(st->proc.personality);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "setting personality 0x%x: %s",
		       st->proc.personality, kr_errstr(r));
	memcpy(comm, st->proc.comm, KCKPT_COMM_LEN);
	comm[KCKPT_COMM_LEN] = '\0';
	r = sys_prctl(PR_SET_NAME, (unsigned long)comm, 0, 0, 0);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "setting the process name: %s", kr_errstr(r));
}

/*
 * The saved limits, as far as an unprivileged process may: a hard limit
 * above the current one cannot be raised, so the current hard limit stays
 * and the soft one is clamped to it. That never fails the restore.
 */
void kr_rlimits_restore(struct kr_state *st)
{
	int res;

	for (res = 0; res < KCKPT_NRLIMITS; res++) {
		struct kr_rlimit64 want = { st->proc.rlim[res].cur, st->proc.rlim[res].max };
		struct kr_rlimit64 now;
		long r = sys_prlimit64(0, res, 0, &now);

		if (r < 0)
			kr_die(KR_EXIT_FAILED, "reading resource limit %d: %s", res,
			       kr_errstr(r));
		if (want.cur > want.max)
			want.cur = want.max;
		if (want.max > now.max)
			want.max = now.max;
		if (want.cur > want.max)
			want.cur = want.max;
		r = sys_prlimit64(0, res, &want, 0);
		if (r == -EPERM)	/* e.g. an LSM says no: keep what we have */
			continue;
		if (r < 0)
			kr_die(KR_EXIT_FAILED, "setting resource limit %d to %llu/%llu: %s",
			       res, (unsigned long long)want.cur,
			       (unsigned long long)want.max, kr_errstr(r));
	}
}

/*
 * Confinement the image records (the module refused to checkpoint what
 * cannot be re-applied): no_new_privs, last before FINISH, which checks
 * that it is in force.
 */
void kr_confinement_restore(struct kr_state *st)
{
	long r;

	if (!(st->proc.confinement & KCKPT_CONFINE_NO_NEW_PRIVS))
		return;
	r = sys_prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "setting no_new_privs: %s", kr_errstr(r));
}
