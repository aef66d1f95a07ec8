// SPDX-License-Identifier: GPL-2.0
/*
 * Process state beyond memory: a TLS variable (fs base), read/write file
 * offsets, O_APPEND, cwd, umask, an rlimit, comm, signal handlers and
 * mask, a pending blocked signal, sigaltstack, a running ITIMER_REAL,
 * rseq registration (and its cpu_id kept by the kernel), the vdso clock,
 * brk and malloc. After SIGUSR1 every
 * piece must be as it was set up, and still work.
 *
 * usage: proc_state DIR
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/rseq.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

#include "protocol.h"

#define RSEQ_SIG_X86	0x53053053

static __thread int tls_value;
static volatile sig_atomic_t usr2_seen, winch_seen, alarms;
static char altstack[65536];
static int fd_read, fd_write, fd_append;

static void on_usr2(int sig) { (void)sig; usr2_seen++; }
static void on_winch(int sig) { (void)sig; winch_seen++; }
static void on_alarm(int sig) { (void)sig; alarms++; }

static void handle(int sig, void (*fn)(int), int flags, int masked)
{
	struct sigaction sa = { .sa_handler = fn, .sa_flags = flags };

	if (masked)
		sigaddset(&sa.sa_mask, masked);
	if (sigaction(sig, &sa, NULL))
		proto_fail("sigaction %d", sig);
}

static void setup_files(const char *dir)
{
	char path[512], data[8192];

	proto_fill(data, sizeof(data), 31);
	snprintf(path, sizeof(path), "%s/data", dir);
	fd_read = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd_read < 0 || write(fd_read, data, sizeof(data)) != sizeof(data) ||
	    lseek(fd_read, 1000, SEEK_SET) != 1000)
		proto_fail("cannot set up %s", path);
	snprintf(path, sizeof(path), "%s/out", dir);
	fd_write = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	snprintf(path, sizeof(path), "%s/log", dir);
	fd_append = open(path, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0644);
	if (write(fd_write, "abc", 3) != 3 || write(fd_append, "one\n", 4) != 4)
		proto_fail("cannot write the output files");
	snprintf(path, sizeof(path), "%s/sub", dir);
	if (mkdir(path, 0755) || chdir(path))
		proto_fail("cannot chdir to %s", path);
}

static void setup_process(void)
{
	struct rlimit rl = { 200, 4096 };
	struct itimerval it = { { 0, 200000 }, { 0, 200000 } };
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	sigset_t block;

	tls_value = 0x5eed;
	umask(027);
	if (setrlimit(RLIMIT_NOFILE, &rl) || prctl(PR_SET_NAME, "kckpt-state"))
		proto_fail("cannot set the rlimit or the name");
	handle(SIGUSR2, on_usr2, SA_RESTART, SIGHUP);
	handle(SIGWINCH, on_winch, 0, 0);
	handle(SIGALRM, on_alarm, SA_RESTART, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGWINCH);
	sigprocmask(SIG_BLOCK, &block, NULL);
	raise(SIGWINCH);			/* stays pending */
	if (sigaltstack(&ss, NULL) || setitimer(ITIMER_REAL, &it, NULL))
		proto_fail("cannot set sigaltstack or the timer");
}

/*
 * The kernel keeps the registered area's cpu_id: a bogus value written
 * there is replaced by the real CPU once the task has been switched out
 * (a registration the restore left half done, e.g. 7.x's rseq ABI version
 * unset, would leave it).
 */
static void check_rseq_cpu_id(void *area)
{
	volatile __u32 *cpu_id = &((struct rseq *)area)->cpu_id;
	long ncpus = sysconf(_SC_NPROCESSORS_CONF);
	int i;

	*cpu_id = 0x7777;
	for (i = 0; i < 100 && *cpu_id == 0x7777; i++)
		usleep(2000);	/* switched out: rseq's update on the way back */
	if (*cpu_id >= (__u32)ncpus)
		proto_fail("rseq cpu_id is %u after a context switch: the kernel does not keep it",
			   *cpu_id);
}

static void check_files(void)
{
	char c, buf[16] = "", cwd[512];

	if (lseek(fd_read, 0, SEEK_CUR) != 1000 || read(fd_read, &c, 1) != 1 ||
	    (unsigned char)c != proto_pattern(31, 1000))
		proto_fail("the read offset or data is wrong");
	if (lseek(fd_write, 0, SEEK_CUR) != 3 || write(fd_write, "def", 3) != 3)
		proto_fail("the write offset is wrong");
	if (!(fcntl(fd_append, F_GETFL) & O_APPEND) || write(fd_append, "two\n", 4) != 4 ||
	    pread(open("../log", O_RDONLY), buf, sizeof(buf) - 1, 0) != 8 ||
	    strcmp(buf, "one\ntwo\n"))
		proto_fail("O_APPEND was lost (log: '%s')", buf);
	if (!getcwd(cwd, sizeof(cwd)) || strcmp(strrchr(cwd, '/'), "/sub"))
		proto_fail("cwd is %s", cwd);
}

static void check_signals(void)
{
	struct sigaction sa;
	sigset_t set;
	stack_t ss;

	if (sigaction(SIGUSR2, NULL, &sa) || sa.sa_handler != on_usr2 ||
	    !(sa.sa_flags & SA_RESTART) || !sigismember(&sa.sa_mask, SIGHUP))
		proto_fail("the SIGUSR2 action changed");
	raise(SIGUSR2);
	if (usr2_seen != 1)
		proto_fail("the SIGUSR2 handler did not run");
	sigprocmask(SIG_SETMASK, NULL, &set);
	if (!sigismember(&set, SIGWINCH))
		proto_fail("SIGWINCH is no longer blocked");
	sigpending(&set);
	if (!sigismember(&set, SIGWINCH) || winch_seen)
		proto_fail("the blocked SIGWINCH is no longer pending");
	sigemptyset(&set);
	sigaddset(&set, SIGWINCH);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	if (winch_seen != 1)
		proto_fail("the pending SIGWINCH was not delivered on unblock");
	if (sigaltstack(NULL, &ss) || ss.ss_sp != altstack || ss.ss_size != sizeof(altstack))
		proto_fail("sigaltstack changed");
}

static void check_runtime(void)
{
	struct timespec a, b, half = { 0, 500000000 };
	struct itimerval it;
	struct rlimit rl;
	char name[17] = "";
	int before = alarms;
	void *rseq_area = (char *)__builtin_thread_pointer() + __rseq_offset;
	char *p;
	int i;

	if (tls_value != 0x5eed)
		proto_fail("the TLS variable changed (fs base?)");
	if (umask(0) != 027)
		proto_fail("umask changed");
	if (getrlimit(RLIMIT_NOFILE, &rl) || rl.rlim_cur != 200)
		proto_fail("RLIMIT_NOFILE is %lu", (unsigned long)rl.rlim_cur);
	prctl(PR_GET_NAME, name);
	if (strcmp(name, "kckpt-state"))
		proto_fail("comm is %s", name);
	clock_gettime(CLOCK_MONOTONIC, &a);
	while (nanosleep(&half, &half))
		;
	clock_gettime(CLOCK_MONOTONIC, &b);
	if (b.tv_sec * 1000000000L + b.tv_nsec - a.tv_sec * 1000000000L - a.tv_nsec < 400000000L)
		proto_fail("the vdso clock does not advance");
	if (alarms <= before || getitimer(ITIMER_REAL, &it) || it.it_interval.tv_usec != 200000)
		proto_fail("ITIMER_REAL stopped (%d alarms)", alarms - before);
	if (__rseq_size && (syscall(SYS_rseq, rseq_area, 32, 0, RSEQ_SIG_X86) != -1 || errno != EBUSY))
		proto_fail("rseq is not registered (errno %d)", errno);
	if (__rseq_size)
		check_rseq_cpu_id(rseq_area);
	p = sbrk(1 << 20);
	if (p == (void *)-1)
		proto_fail("brk cannot grow");
	memset(p, 1, 1 << 20);
	for (i = 0; i < 1000; i++)
		free(malloc(100 + i * 10));
}

int main(int argc, char **argv)
{
	if (argc != 2)
		proto_fail("usage: proc_state DIR");
	proto_init();
	setup_files(argv[1]);
	setup_process();
	proto_ready();
	proto_wait();
	check_files();
	check_signals();
	check_runtime();
	proto_pass("files, cwd, umask, rlimit, comm, signals, altstack, timer, TLS, rseq, vdso, brk intact");
}
