// SPDX-License-Identifier: GPL-2.0
/*
 * kckpt-restore - the process that becomes the restored one.
 *
 *   kckpt-restore [--resume-code N] [--pid N] IMAGE
 *
 * `checkpt -r IMAGE` (C#) validates the image and then execve()s this
 * helper in its own process: same pid, terminal and process group. The
 * helper does in user space what only user space can do for itself, then
 * calls KCKPT_IOC_RESTORE_FINISH: the module replaces the memory map with
 * the image's, sets the registers and returns straight into the
 * checkpointed context - never back here, unless it failed before its
 * point of no return. The protocol and every structure are in
 * include/uapi/kckpt.h ("Restore": BEGIN -> NOTE... -> FINISH).
 * Single-threaded images only.
 *
 * Exit status: 5 when the restore fails (DragonFly checkpt's code), with
 * one line "kckpt-restore: <what failed>: <why>" on stderr; 2 for a bad
 * command line. When a saved kernel mapping collides with the helper's own
 * memory, the helper runs itself again (execve of /proc/self/exe, same
 * arguments and environment plus KCKPT_RESTORE_ATTEMPT=N): ASLR places it
 * elsewhere next time. After 3 runs in all it gives up with status 5.
 * --resume-code N (1..2147483647) is what a process that checkpointed
 * itself sees as the result of its checkpoint call. --pid N restores the
 * process as pid N, in a child that the helper then mirrors (samepid.c).
 *
 * Built static with no libc at all (see the top-level Makefile): own
 * _start (start.c), raw syscalls (sys.c), string/number/message helpers
 * (util.c). Nothing may use %fs-relative addressing (no TLS, no stack
 * protector) because the helper loads the image's fs base before FINISH,
 * and nothing may use SSE/x87 registers (-mgeneral-regs-only) because it
 * loads the image's xstate right before FINISH. No malloc: static buffers.
 *
 * The steps, in order (the order matters where noted):
 *  1. Block every signal: nothing may be delivered to the helper while
 *     the image's handlers, pending signals and timer are being put in
 *     place. FINISH installs the saved mask.
 *  2. Open /dev/kckpt, then IMAGE; RESTORE_BEGIN: the module validates the
 *     image and answers nr_fds, max_fd, xstate size, pending signals and
 *     the special mappings to move. (Device first: without the module
 *     there is nothing to say about the image.) Then check that their
 *     targets are free and reserve room to move them through (maps.c);
 *     on a collision with the helper's own memory run again (kr_retry):
 *     nothing has changed yet, and both descriptors are O_CLOEXEC.
 *  3. Move the helper's descriptors (device, image, restore terminal = the
 *     first of fds 0-2 that is a terminal open O_RDWR, else the first that
 *     is a terminal at all; stderr for messages) above max_fd and close
 *     every other one (fds.c).
 *  4. Fetch and check the notes: process, thread (exactly one), signal
 *     handlers, pending signals, cwd, NT_X86_XSTATE (notes.c, xstate.c).
 *  5. cwd, umask, personality, comm (proc.c); signal handlers - all 62,
 *     since execve kept the caller's SIG_IGN ones - and the alternate
 *     signal stack (signals.c).
 *  6. Reopen the saved descriptors at their numbers, checking that each is
 *     still the file it was; terminals become the restore terminal (its
 *     open file, shared as a shell shares it, or reopened when its access
 *     mode is narrower than the saved one) with the saved termios; then
 *     close the restore terminal's extra descriptors (fds.c).
 *  7. Queue the saved pending signals to ourselves. After step 5 on
 *     purpose: setting a handler to SIG_IGN discards pending instances.
 *     (SIGKILL/SIGSTOP cannot be blocked, so they are not replayed.)
 *  8. Move vdso/vvar to their saved addresses through the room reserved
 *     in step 2 (maps.c).
 *  9. Resource limits, late on purpose: a saved RLIMIT_NOFILE lower than a
 *     saved fd number (legal: the limit was lowered after the open) would
 *     make dup3 fail, a small RLIMIT_AS the mremap scratch area; an
 *     unprivileged helper keeps its hard limit where the image's is
 *     higher and clamps the soft one (proc.c). Then ITIMER_REAL, as close to FINISH as
 *     possible (if it fires, SIGALRM waits blocked for the restored process).
 * 10. no_new_privs when the image had it (the module checks at FINISH that
 *     it is set), then fs/gs base (arch_prctl). No %fs use after this.
 * 11. Close the stderr copy, then XRSTOR + FINISH in one asm block
 *     (xstate.c). The module closes the device and image descriptors on
 *     the way out. If FINISH returns, its reason goes to fd 2 - now the
 *     restored process's stderr - and the exit status is 5.
 */
#include <linux/errno.h>
#include <linux/fcntl.h>

#include "restore.h"
#include "sys.h"
#include "util.h"

#define KR_USAGE	"usage: kckpt-restore [--resume-code N] [--pid N] IMAGE"
#define KR_PID_MAX	4194304UL	/* PID_MAX_LIMIT */
#define KR_RESUME_MAX	2147483647UL	/* the checkpoint call returns an int */
#define KR_ENV_MAX	4096		/* environment entries kr_retry passes on */

static struct kr_state st;	/* in .bss: it holds a 4 KiB path */

__attribute__((noreturn)) static void kr_usage(const char *why)
{
	kr_die(KR_EXIT_USAGE, "%s\n" KR_USAGE, why);
}

static void kr_parse_args(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *n = 0, *p = 0;
		unsigned long v;

		if (kr_streq(a, "-h") || kr_streq(a, "--help")) {
			kr_puts(1, KR_USAGE "\n");
			sys_exit_group(0);
		} else if (kr_streq(a, "--resume-code")) {
			if (++i == argc)
				kr_usage("--resume-code needs a number");
			n = argv[i];
		} else if (kr_startswith(a, "--resume-code=")) {
			n = a + sizeof("--resume-code=") - 1;
		} else if (kr_streq(a, "--pid")) {
			if (++i == argc)
				kr_usage("--pid needs a number");
			p = argv[i];
		} else if (a[0] == '-' && a[1]) {
			kr_usage("unknown option");
		} else if (!st.image_path) {
			st.image_path = a;
		} else {
			kr_usage("only one IMAGE");
		}
		if (n) {
			if (kr_parse_ulong(n, KR_RESUME_MAX, &v) || !v)
				kr_usage("--resume-code wants a decimal number from 1 to 2147483647");
			st.have_resume_code = 1;
			st.resume_code = (__u32)v;
		}
		if (p) {
			if (kr_parse_ulong(p, KR_PID_MAX, &v) || !v)
				kr_usage("--pid wants a process id");
			st.want_pid = (int)v;
		}
	}
	if (!st.image_path)
		kr_usage("no IMAGE");
}

/* Which run this is: KR_ATTEMPT_ENV=N in the environment, else 1. */
static unsigned long kr_attempt(char **envp)
{
	unsigned long n;

	for (; *envp; envp++)
		if (kr_startswith(*envp, KR_ATTEMPT_ENV "=") &&
		    !kr_parse_ulong(*envp + sizeof(KR_ATTEMPT_ENV), 1000, &n) && n)
			return n;
	return 1;
}

void kr_retry(struct kr_state *s, const char *fmt, ...)
{
	static char why[512], attempt[sizeof(KR_ATTEMPT_ENV "=") + 4];
	static char *env[KR_ENV_MAX + 2];
	unsigned long n = kr_attempt(s->envp), i, j = 0;
	va_list ap;
	long r;

	va_start(ap, fmt);
	kr_vfmt(why, sizeof(why), fmt, ap);
	va_end(ap);
	if (n >= KR_ATTEMPTS)
		kr_die(KR_EXIT_FAILED, "%s, %d times in a row", why, KR_ATTEMPTS);
	for (i = 0; s->envp[i]; i++) {
		if (j == KR_ENV_MAX)
			kr_die(KR_EXIT_FAILED, "%s (no retry with more than %d environment variables)",
			       why, KR_ENV_MAX);
		if (!kr_startswith(s->envp[i], KR_ATTEMPT_ENV "="))
			env[j++] = s->envp[i];
	}
	kr_fmt(attempt, sizeof(attempt), KR_ATTEMPT_ENV "=%lu", n + 1);
	env[j++] = attempt;
	env[j] = 0;
	r = sys_execve("/proc/self/exe", s->argv, env);
	kr_die(KR_EXIT_FAILED, "%s; running /proc/self/exe again: %s", why, kr_errstr(r));
}

static void kr_begin(void)
{
	struct kckpt_restore_begin *b = &st.begin;
	long r;

	r = sys_open(KCKPT_DEVICE_PATH, O_RDWR | O_CLOEXEC, 0);
	if (r == -ENOENT || r == -ENXIO || r == -ENODEV)
		kr_die(KR_EXIT_FAILED, KCKPT_DEVICE_PATH ": %s (is the kckpt module loaded?)",
		       kr_errstr(r));
	if (r < 0)
		kr_die(KR_EXIT_FAILED, KCKPT_DEVICE_PATH ": %s", kr_errstr(r));
	st.dev_fd = (int)r;

	r = sys_open(st.image_path, O_RDONLY | O_CLOEXEC, 0);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "%s: %s", st.image_path, kr_errstr(r));
	st.image_fd = (int)r;

	b->size = sizeof(*b);
	b->image_fd = st.image_fd;
	r = sys_ioctl(st.dev_fd, KCKPT_IOC_RESTORE_BEGIN, b);
	b->reason[KCKPT_REASON_LEN - 1] = '\0';
	if (r == -ENOTTY)
		kr_die(KR_EXIT_FAILED, "%s: the loaded kckpt module cannot restore (too old?)",
		       st.image_path);
	if (r < 0)
		kr_die(KR_EXIT_FAILED, "%s: %s", st.image_path,
		       b->reason[0] ? b->reason : kr_errstr(r));
	if (b->max_fd < -1 || (b->nr_fds && b->max_fd < 0) ||
	    (unsigned long)b->nr_fds > (unsigned long)b->max_fd + 1)
		kr_die(KR_EXIT_FAILED, "%s: the module reported %u fds up to fd %d",
		       st.image_path, b->nr_fds, b->max_fd);
}

int main(int argc, char **argv, char **envp)
{
	struct kckpt_restore_finish fin = { .size = sizeof(fin) };
	long r;

	kr_block_all_signals();					/* 1 */
	st.argv = argv;
	st.envp = envp;
	kr_parse_args(argc, argv);
	kr_take_pid(&st);
	kr_begin();						/* 2 */
	kr_specials_reserve(&st);
	kr_fds_prepare(&st);					/* 3 */
	kr_fetch_notes(&st);					/* 4 */
	kr_proc_restore(&st);					/* 5 */
	kr_sigactions_restore(&st);
	kr_sigaltstack_restore(&st);
	kr_fds_restore(&st);					/* 6 */
	kr_pending_restore(&st);				/* 7 */
	kr_specials_move(&st);					/* 8 */
	kr_rlimits_restore(&st);				/* 9 */
	kr_itimer_restore(&st);
	kr_confinement_restore(&st);				/* 10 */
	kr_set_segment_bases(&st);

	fin.flags = st.have_resume_code ? KCKPT_RESTORE_RESUME_CODE : 0;
	fin.resume_code = st.resume_code;
	fin.dev_fd = st.dev_fd;
	fin.image_fd = st.image_fd;
	if (kr_err_fd >= 0)
		sys_close(kr_err_fd);
	kr_err_fd = 2;
	r = kr_finish(&st, &fin);				/* 11 */
	fin.reason[KCKPT_REASON_LEN - 1] = '\0';
	kr_die(KR_EXIT_FAILED, "restoring %s: %s", st.image_path,
	       fin.reason[0] ? fin.reason : kr_errstr(r));
}
