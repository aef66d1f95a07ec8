/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * THE interface of KCkpt: ioctl numbers, structures and flags of
 * /dev/kckpt. Every other part (libkckpt, kckpt-restore, the C# library)
 * follows this file; the C# mirror is managed/KCkpt/Interop/Uapi.cs and a
 * host test checks that its sizes and offsets agree with this header.
 *
 * Rules: every structure starts with its own size and carries flags; the
 * kernel accepts a larger structure whose unknown tail is zero, rejects
 * unknown flags with EINVAL, and only ever appends fields.
 */
#ifndef _UAPI_LINUX_KCKPT_H
#define _UAPI_LINUX_KCKPT_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define KCKPT_DEVICE_NAME	"kckpt"
#define KCKPT_DEVICE_PATH	"/dev/kckpt"

/* Bumped on any incompatible change of this header. */
#define KCKPT_ABI_VERSION	1

#define KCKPT_VERSION_STRLEN	32
#define KCKPT_RELEASE_STRLEN	65	/* __NEW_UTS_LEN + 1 */

/* Feature bits reported by KCKPT_IOC_VERSION: what this module can do. */
#define KCKPT_FEAT_CHECKPOINT	(1ULL << 0)	/* KCKPT_IOC_CHECKPOINT */
#define KCKPT_FEAT_RESTORE	(1ULL << 1)	/* KCKPT_IOC_RESTORE_* */
#define KCKPT_FEAT_REQUEST	(1ULL << 2)	/* KCKPT_IOC_REQUEST */
#define KCKPT_FEAT_TTY_HOOK	(1ULL << 3)	/* kckpt_tty.ko can attach */
#define KCKPT_FEAT_RESTORE_DRY_RUN (1ULL << 4)	/* KCKPT_BEGIN_DRY_RUN */

/**
 * struct kckpt_version - answer of KCKPT_IOC_VERSION
 * @size:		in: sizeof(struct kckpt_version) as the caller knows it
 * @flags:		in: must be 0
 * @abi_version:	out: KCKPT_ABI_VERSION of the running module
 * @reserved:		must be 0
 * @features:		out: KCKPT_FEAT_* bits
 * @module_version:	out: NUL-terminated module version string
 * @kernel_release:	out: NUL-terminated release of the running kernel
 * @pad:		must be 0
 * @sigckpt:		out: the signal number of SIGCKPT (module parameter)
 * @sigckptexit:	out: the signal number of SIGCKPTEXIT
 *
 * The answer is cut to the caller's size; @size comes back as the module's.
 */
struct kckpt_version {
	__u32 size;
	__u32 flags;
	__u32 abi_version;
	__u32 reserved;
	__u64 features;
	char module_version[KCKPT_VERSION_STRLEN];
	char kernel_release[KCKPT_RELEASE_STRLEN];
	__u8 pad[7];
	/* ABI 1, second revision (KCKPT_VERSION_SIZE_VER1) */
	__u32 sigckpt;
	__u32 sigckptexit;
};

/* ------------------------------------------------------------------ */
/* KCKPT_IOC_CHECKPOINT                                                 */
/* ------------------------------------------------------------------ */

/* What happens to the target once its image is written (default: runs on). */
#define KCKPT_CKPT_STOP		(1U << 0)	/* stop it, as SIGSTOP does */
#define KCKPT_CKPT_KILL		(1U << 1)	/* kill it (SIGKILL) */
/* Where the image goes (default: the caller's @image_fd). */
#define KCKPT_CKPT_CREATE	(1U << 2)	/* the module creates @image_path */
#define KCKPT_CKPT_REPLACE	(1U << 3)	/* with CREATE: over the caller's own file */
#define KCKPT_CKPT_FLAGS	(KCKPT_CKPT_STOP | KCKPT_CKPT_KILL | \
				 KCKPT_CKPT_CREATE | KCKPT_CKPT_REPLACE)

#define KCKPT_PID_SELF		0		/* pid meaning "the caller" */
#define KCKPT_MANIFEST_MAX	(1U << 20)	/* opaque manifest bytes, at most */
#define KCKPT_REASON_LEN	128
#define KCKPT_DEFAULT_RESUME	1		/* resume code when 0 is passed */

/**
 * struct kckpt_checkpoint - argument of KCKPT_IOC_CHECKPOINT
 * @size:	in: sizeof(struct kckpt_checkpoint)
 * @flags:	in: KCKPT_CKPT_*
 * @pid:	in: target pid in the caller's pid namespace, or KCKPT_PID_SELF
 * @image_fd:	in: an empty regular file open for writing; the image is
 *		written from offset 0 (the caller renames it into place);
 *		-1 with KCKPT_CKPT_CREATE
 * @proof_fd:	in: an fd of /proc/@pid/mem opened by the caller (proves
 *		ptrace-attach rights, Yama and LSM policy included), root
 *		too; -1 for KCKPT_PID_SELF. CAP_CHECKPOINT_RESTORE +
 *		CAP_SYS_PTRACE only lift the rule that the target be dumpable
 * @resume_code: in: self only: what the restored process sees as the return
 *		value of this ioctl (0 means KCKPT_DEFAULT_RESUME)
 * @manifest:	in: user pointer to opaque bytes stored verbatim in the image
 * @manifest_len: in: their length, at most KCKPT_MANIFEST_MAX
 * @timeout_ms:	in: how long to wait for the target to park (0: 10 s)
 * @image_bytes: out: bytes written to the image; while the image of
 *		another process is being written, the bytes so far (updated
 *		about ten times a second: a progress display may read it)
 * @memory_bytes: out: bytes of memory saved (populated pages)
 * @reason:	out: on failure, a NUL-terminated sentence saying why
 * @image_path:	in: with KCKPT_CKPT_CREATE, a user pointer to the image's
 *		path (NUL-terminated, relative to the caller's cwd). The module
 *		creates it with the caller's credentials as a 0600 temporary
 *		beside it (O_EXCL, never through a symlink), syncs it and renames
 *		it into place (never over another user's file; over the caller's
 *		own only with KCKPT_CKPT_REPLACE), syncs the directory, and only
 *		then stops or kills the target: on any failure nothing is left
 *		and the target runs on. (KCKPT_CHECKPOINT_SIZE_VER1)
 */
struct kckpt_checkpoint {
	__u32 size;
	__u32 flags;
	__s32 pid;
	__s32 image_fd;
	__s32 proof_fd;
	__u32 resume_code;
	__u64 manifest;
	__u32 manifest_len;
	__u32 timeout_ms;
	__u64 image_bytes;
	__u64 memory_bytes;
	char reason[KCKPT_REASON_LEN];
	__u64 image_path;
};

/* ------------------------------------------------------------------ */
/* The image: an ET_CORE ELF file                                       */
/* ------------------------------------------------------------------ */
/*
 * Layout: ELF header; page-aligned PT_LOAD data, one segment per run of
 * saved pages (p_filesz == p_memsz == run length), and one PT_LOAD with
 * p_filesz == 0 for every gap between runs, so the PT_LOADs cover each VMA
 * exactly once, in address order (gdb and readelf see the whole map); the
 * PT_NOTE segment; the program header table last (e_phoff points to it).
 *
 * Notes: the standard "CORE" notes (NT_PRSTATUS, NT_PRFPREG, NT_PRPSINFO,
 * NT_AUXV, NT_FILE), "LINUX" NT_X86_XSTATE, and "KCKPT" notes whose types
 * and little-endian structures follow. The i-th NT_PRSTATUS (and the
 * NT_PRFPREG/NT_X86_XSTATE after it) belongs to the i-th KCKPT_NT_THREAD.
 *
 * Compatibility: @format_version changes only when an existing field is
 * reinterpreted (readers refuse a version they do not know). Otherwise the
 * format grows: a fixed note descriptor may get longer (readers use the
 * fields they know and ignore the rest), and new note types are added
 * (readers skip types they do not know); a reader zero-extends an older
 * writer's shorter descriptor that is at least the *_SIZE_VER0 of its
 * structure (the fields it lacks read as zero). Array notes (SIGACTIONS,
 * SIGPENDING, SEGMENTS) have fixed entry sizes: growing an entry means a
 * new note type. Variable notes (VMA, FD) start with a fixed structure
 * whose @hdr_size says where the variable part starts. Device numbers
 * (@dev, @rdev) are in the encoding stat(2) returns (new_encode_dev).
 */
#define KCKPT_NOTE_NAME		"KCKPT"
/*
 * KCKPT note types live far from the CORE/LINUX ones: gdb's BFD interprets
 * notes of unknown owners by type number, so small numbers would be misread.
 */
#define KCKPT_NT_BASE		0x4b430000	/* "KC" */
#define KCKPT_FORMAT_VERSION	1

#define KCKPT_NT_IMAGE		(KCKPT_NT_BASE + 1)	/* struct kckpt_image_hdr, first note */
#define KCKPT_NT_PROC		(KCKPT_NT_BASE + 2)	/* struct kckpt_proc */
#define KCKPT_NT_THREAD		(KCKPT_NT_BASE + 3)	/* struct kckpt_thread, one per thread */
#define KCKPT_NT_SIGACTIONS	(KCKPT_NT_BASE + 4)	/* struct kckpt_sigaction[KCKPT_NSIG] */
#define KCKPT_NT_SIGPENDING	(KCKPT_NT_BASE + 5)	/* struct kckpt_siginfo[n] */
#define KCKPT_NT_VMA		(KCKPT_NT_BASE + 6)	/* struct kckpt_vma + path + page bitmap */
#define KCKPT_NT_FD		(KCKPT_NT_BASE + 7)	/* struct kckpt_fd + path */
#define KCKPT_NT_SEGMENTS	(KCKPT_NT_BASE + 8)	/* struct kckpt_segment[n], one per data PT_LOAD */
#define KCKPT_NT_CWD		(KCKPT_NT_BASE + 9)	/* NUL-terminated path */
#define KCKPT_NT_EXE		(KCKPT_NT_BASE + 10)	/* NUL-terminated path */
#define KCKPT_NT_MANIFEST	(KCKPT_NT_BASE + 11)	/* opaque bytes (protobuf, see managed/) */

#define KCKPT_NSIG		64
#define KCKPT_NRLIMITS		16
#define KCKPT_COMM_LEN		16
#define KCKPT_UTS_LEN		65

/* kckpt_image_hdr.flags */
#define KCKPT_IMG_SELF		(1U << 0)	/* the process checkpointed itself */

/**
 * struct kckpt_image_hdr - who, when, where; first KCKPT note
 * @format_version:	KCKPT_FORMAT_VERSION
 * @abi_version:	KCKPT_ABI_VERSION of the writing module
 * @flags:		KCKPT_IMG_*
 * @resume_code:	value the restored process sees from its checkpoint call
 * @created_sec:	CLOCK_REALTIME when written
 * @created_nsec:	ditto, nanoseconds
 * @nr_threads:		number of KCKPT_NT_THREAD notes
 * @uid, @gid, @euid, @egid: credentials of the target (in init_user_ns)
 * @pid, @ppid, @pgid, @sid: in the checkpointing caller's namespace
 * @xfeatures:		XCR0 of the CPU that wrote the image
 * @xstate_size:	size of the NT_X86_XSTATE note
 * @page_size:		PAGE_SIZE
 * @vdso_start, @vdso_size: the vdso text mapping
 * @vdso_crc32c:	crc32c of the vdso text: identifies the kernel build
 * @kernel_release:	utsname release
 * @kernel_version:	utsname version (build number and date)
 * @hostname:		utsname nodename
 * @module_version:	kckpt.ko version string
 */
struct kckpt_image_hdr {
	__u32 format_version;
	__u32 abi_version;
	__u32 flags;
	__u32 resume_code;
	__s64 created_sec;
	__u32 created_nsec;
	__u32 nr_threads;
	__u32 uid;
	__u32 gid;
	__u32 euid;
	__u32 egid;
	__s32 pid;
	__s32 ppid;
	__s32 pgid;
	__s32 sid;
	__u64 xfeatures;
	__u32 xstate_size;
	__u32 page_size;
	__u64 vdso_start;
	__u64 vdso_size;
	__u32 vdso_crc32c;
	__u32 pad0;
	char kernel_release[KCKPT_UTS_LEN];
	char kernel_version[KCKPT_UTS_LEN];
	char hostname[KCKPT_UTS_LEN];
	char module_version[KCKPT_VERSION_STRLEN];
	__u8 pad1[5];
};

struct kckpt_rlimit {
	__u64 cur;
	__u64 max;
};

/**
 * struct kckpt_proc - process-wide state
 * @umask:		file mode creation mask
 * @personality:	personality(2) value
 * @comm:		task name
 * @dumpable:		get_dumpable() of the mm (1 = SUID_DUMP_USER)
 * @itimer_real_value_ns: ITIMER_REAL time left (0: disarmed)
 * @itimer_real_interval_ns: ITIMER_REAL reload value
 * @start_code ... @env_end: the mm's fields of the same names
 * @auxv_len:		bytes of NT_AUXV
 * @rlim:		getrlimit() of every resource, RLIM_INFINITY as ~0
 * @confinement:	KCKPT_CONFINE_*: confinement the restored process must
 *			be under again (what cannot be re-applied, such as
 *			seccomp or a chroot, is refused at checkpoint time); a
 *			restorer refuses bits it does not know
 * @pad1:		zero
 */
struct kckpt_proc {
	__u32 umask;
	__u32 personality;
	char comm[KCKPT_COMM_LEN];
	__u32 dumpable;
	__u32 pad0;
	__u64 itimer_real_value_ns;
	__u64 itimer_real_interval_ns;
	__u64 start_code;
	__u64 end_code;
	__u64 start_data;
	__u64 end_data;
	__u64 start_brk;
	__u64 brk;
	__u64 start_stack;
	__u64 arg_start;
	__u64 arg_end;
	__u64 env_start;
	__u64 env_end;
	__u64 auxv_len;
	struct kckpt_rlimit rlim[KCKPT_NRLIMITS];
	/* format 1, second revision (KCKPT_PROC_SIZE_VER0 before it) */
	__u32 confinement;
	__u32 pad1;
};

/* struct kckpt_proc as the first writers wrote it, up to @rlim */
#define KCKPT_PROC_SIZE_VER0		400

/* kckpt_proc.confinement */
#define KCKPT_CONFINE_NO_NEW_PRIVS	(1U << 0)	/* prctl(PR_SET_NO_NEW_PRIVS) */
#define KCKPT_CONFINE_FLAGS		KCKPT_CONFINE_NO_NEW_PRIVS

/* kckpt_thread.restart: how the saved registers treat an interrupted syscall */
#define KCKPT_RESTART_NONE	0	/* not in a syscall */
#define KCKPT_RESTART_REISSUE	1	/* ip points at the syscall again */
#define KCKPT_RESTART_EINTR	2	/* the syscall returns -EINTR */
#define KCKPT_RESTART_RESUME	3	/* self-checkpoint: ax is the resume code */

/**
 * struct kckpt_thread - per-thread state beside NT_PRSTATUS/NT_X86_XSTATE
 * @tid:		thread id (caller's namespace)
 * @restart:		KCKPT_RESTART_*
 * @syscall_nr:		the interrupted syscall, or -1
 * @pad0:		zero
 * @sigmask:		blocked signals, bit (n - 1) for signal n
 * @ss_sp, @ss_size, @ss_flags: sigaltstack
 * @rseq, @rseq_len, @rseq_sig: registered rseq area (0 when none)
 * @robust_list, @robust_list_len: set_robust_list()
 * @set_child_tid, @clear_child_tid: CLONE_CHILD_SETTID/CLEARTID addresses
 * @fs_base, @gs_base:	segment bases (also in NT_PRSTATUS)
 */
struct kckpt_thread {
	__s32 tid;
	__u32 restart;
	__s32 syscall_nr;
	__u32 pad0;
	__u64 sigmask;
	__u64 ss_sp;
	__u64 ss_size;
	__u32 ss_flags;
	__u32 rseq_len;
	__u64 rseq;
	__u32 rseq_sig;
	__u32 pad1;
	__u64 robust_list;
	__u64 robust_list_len;
	__u64 set_child_tid;
	__u64 clear_child_tid;
	__u64 fs_base;
	__u64 gs_base;
};

/* struct kckpt_sigaction: index n - 1 describes signal n */
struct kckpt_sigaction {
	__u64 handler;		/* 0 = SIG_DFL, 1 = SIG_IGN, else address */
	__u64 flags;		/* SA_* */
	__u64 restorer;
	__u64 mask;
};

#define KCKPT_SIGQ_THREAD	0	/* pending for the thread */
#define KCKPT_SIGQ_SHARED	1	/* pending for the process */

/* struct kckpt_siginfo: one queued signal */
struct kckpt_siginfo {
	__u32 queue;		/* KCKPT_SIGQ_* */
	__s32 tid;		/* owning thread for KCKPT_SIGQ_THREAD */
	__u8 info[128];		/* siginfo_t as the kernel holds it */
};

/* kckpt_vma.kind */
#define KCKPT_VMA_ANON		1	/* private anonymous (heap, stack, ...) */
#define KCKPT_VMA_FILE_PRIVATE	2	/* MAP_PRIVATE of a file */
#define KCKPT_VMA_FILE_SHARED	3	/* MAP_SHARED of a file */
#define KCKPT_VMA_SHMEM		4	/* MAP_SHARED|MAP_ANONYMOUS */
#define KCKPT_VMA_VDSO		5
#define KCKPT_VMA_VVAR		6

/* kckpt_vma.prot: PROT_READ 1, PROT_WRITE 2, PROT_EXEC 4 as mmap(2) */
/* kckpt_vma.flags */
#define KCKPT_VMAF_GROWSDOWN	(1U << 0)
#define KCKPT_VMAF_LOCKED	(1U << 1)
#define KCKPT_VMAF_NORESERVE	(1U << 2)
#define KCKPT_VMAF_DONTDUMP	(1U << 3)
#define KCKPT_VMAF_HEAP		(1U << 4)	/* within [start_brk, brk) */
#define KCKPT_VMAF_STACK	(1U << 5)	/* holds start_stack */
#define KCKPT_VMAF_MAYWRITE	(1U << 6)
#define KCKPT_VMAF_DONTFORK	(1U << 7)

/**
 * struct kckpt_vma - one mapping; followed by @path_len bytes of path (NUL
 * included, 0 for none) and @bitmap_len bytes of populated-page bitmap
 * (bit i of byte i / 8 set when page i of the VMA was saved in a segment)
 * @hdr_size:	sizeof(struct kckpt_vma) of the writer
 * @kind:	KCKPT_VMA_*
 * @prot:	PROT_* bits
 * @flags:	KCKPT_VMAF_*
 * @start, @end: [start, end) addresses
 * @pgoff:	file offset in bytes (file kinds)
 * @dev, @ino, @file_size, @mtime_sec, @mtime_nsec: file identity when saved
 * @nr_saved:	number of saved pages (bits set in the bitmap)
 * @path_len, @bitmap_len: sizes of the variable parts
 */
struct kckpt_vma {
	__u32 hdr_size;
	__u32 kind;
	__u32 prot;
	__u32 flags;
	__u64 start;
	__u64 end;
	__u64 pgoff;
	__u64 dev;
	__u64 ino;
	__u64 file_size;
	__s64 mtime_sec;
	__u32 mtime_nsec;
	__u32 path_len;
	__u64 nr_saved;
	__u32 bitmap_len;
	__u32 pad0;
};

/* kckpt_fd.kind */
#define KCKPT_FD_REGULAR	1
#define KCKPT_FD_DIRECTORY	2
#define KCKPT_FD_CHARDEV	3	/* /dev/null, /dev/zero, /dev/[u]random, /dev/full */
#define KCKPT_FD_TTY		4	/* rebound to the restorer's terminal */
#define KCKPT_FD_KCKPT		5	/* /dev/kckpt itself */

/* struct kckpt_termios: a terminal's settings, laid out as struct termios2 */
struct kckpt_termios {
	__u32 iflag;
	__u32 oflag;
	__u32 cflag;
	__u32 lflag;
	__u8 line;
	__u8 cc[19];
	__u32 ispeed;
	__u32 ospeed;
};

/**
 * struct kckpt_fd - one open file descriptor; followed by @path_len bytes
 * @hdr_size:	sizeof(struct kckpt_fd) of the writer
 * @fd:		descriptor number
 * @kind:	KCKPT_FD_*
 * @cloexec:	FD_CLOEXEC set
 * @flags:	open flags (O_ACCMODE, O_APPEND, O_NONBLOCK, ...)
 * @mode:	st_mode
 * @pos:	file position
 * @dev, @ino, @size, @mtime_sec, @mtime_nsec: identity (regular files)
 * @rdev:	device number (character devices)
 * @path_len:	bytes of path that follow, NUL included
 * @termios_valid: 1 when @termios holds the settings of a terminal (KCKPT_FD_TTY)
 * @termios:	the terminal's settings when checkpointed
 */
struct kckpt_fd {
	__u32 hdr_size;
	__s32 fd;
	__u32 kind;
	__u32 cloexec;
	__u32 flags;
	__u32 mode;
	__s64 pos;
	__u64 dev;
	__u64 ino;
	__u64 size;
	__s64 mtime_sec;
	__u32 mtime_nsec;
	__u32 rdev;
	__u32 path_len;
	__u32 termios_valid;
	struct kckpt_termios termios;
	__u32 pad0;
};

/* struct kckpt_segment: a data PT_LOAD and its checksum */
struct kckpt_segment {
	__u64 vaddr;
	__u64 offset;		/* in the image */
	__u64 size;
	__u32 crc32c;		/* crc32c (Castagnoli, ~0 seed, final xor) of the bytes */
	__u32 phdr_index;
};


/* ------------------------------------------------------------------ */
/* KCKPT_IOC_REQUEST: "send SIGCKPT" with DragonFly's semantics         */
/* ------------------------------------------------------------------ */
/*
 * The target decides, in its own context, by its disposition of SIGCKPT
 * (SIGCKPTEXIT with KCKPT_REQ_EXIT; module parameters sigckpt and
 * sigckptexit, default 63 and 64, in /sys/module/kckpt/parameters/):
 * a handler gets the signal; SIG_DFL means the module checkpoints it to the
 * default file (module parameter ckptfile, default "%N.ckpt": %N the
 * process name, %P its pid, %U its uid, %% a '%'; relative to the target's
 * cwd), created 0600 as the target's user under a temporary name and
 * renamed into place (never through a symlink, never over another user's
 * file), then lets it continue (or kills it with KCKPT_REQ_EXIT); SIG_IGN:
 * nothing. The same permission rule as KCKPT_IOC_CHECKPOINT applies.
 */
#define KCKPT_SIGCKPT_DEFAULT		63
#define KCKPT_SIGCKPTEXIT_DEFAULT	64

/* kckpt_request.flags */
#define KCKPT_REQ_EXIT		(1U << 0)	/* SIGCKPTEXIT: exit after the image */
#define KCKPT_REQ_FLAGS		KCKPT_REQ_EXIT

/* kckpt_request.action: what the target did */
#define KCKPT_ACT_SIGNALLED	1	/* it has a handler: it got the signal */
#define KCKPT_ACT_CHECKPOINTED	2	/* SIG_DFL: the image is at @path */
#define KCKPT_ACT_IGNORED	3	/* SIG_IGN: nothing was done */

#define KCKPT_PATH_LEN		256

/**
 * struct kckpt_request - argument of KCKPT_IOC_REQUEST
 * @size:	in: sizeof(struct kckpt_request)
 * @flags:	in: KCKPT_REQ_*
 * @pid:	in: target pid in the caller's pid namespace (not self)
 * @proof_fd:	in: as in struct kckpt_checkpoint
 * @timeout_ms:	in: how long to wait for the target to act (0: 10 s)
 * @action:	out: KCKPT_ACT_*
 * @image_bytes: out: with KCKPT_ACT_CHECKPOINTED, bytes written
 * @path:	out: with KCKPT_ACT_CHECKPOINTED, the image's absolute path
 *		(truncated to fit, NUL-terminated)
 * @reason:	out: on failure, a NUL-terminated sentence saying why
 */
struct kckpt_request {
	__u32 size;
	__u32 flags;
	__s32 pid;
	__s32 proof_fd;
	__u32 timeout_ms;
	__u32 action;
	__u64 image_bytes;
	char path[KCKPT_PATH_LEN];
	char reason[KCKPT_REASON_LEN];
};

/* ------------------------------------------------------------------ */
/* Restore: KCKPT_IOC_RESTORE_BEGIN -> _NOTE... -> _FINISH              */
/* ------------------------------------------------------------------ */
/*
 * Driven by kckpt-restore, the process that becomes the restored one:
 * BEGIN hands the module the image; the module reads and validates all of
 * its metadata (a hostile image gets EINVAL and a reason) and keeps it as
 * the session of this open /dev/kckpt. NOTE copies single notes out, so the
 * helper can restore what only user space can (sigactions, rlimits, cwd,
 * fds, fs base, xstate, ...). With KCKPT_BEGIN_DRY_RUN, BEGIN validates
 * the image exactly as it would (same checks, same reason) but keeps no
 * session: how checkpt -r asks the kernel before it starts anything.
 *
 * Who may restore: the restorer's credentials (real, effective, saved and
 * fs uid and gid) must all be the image's owner (@uid, @gid of the image
 * header; @euid and @egid equal to them), whatever capabilities it holds,
 * and the image file must belong to the restorer or to the image's owner.
 * Root restores another user's image only by switching to that user first
 * (checkpt -r --as-owner). FINISH is the point of no return: the module
 * rebuilds the memory map from the image, sets the mm fields, the signal
 * mask, rseq, robust list, tid addresses and the registers, and returns
 * into the checkpointed context. A failure before the point of no return
 * returns an error; after it, the process is killed.
 */
#define KCKPT_SPECIAL_MAX	4	/* vdso, vvar, vvar_vclock, ... */
#define KCKPT_SPECIAL_NAMELEN	16

/**
 * struct kckpt_special_map - a kernel-provided mapping the helper must move
 * (mremap) from where it is now to where the image had it
 * @cur_start:	its address in the restoring process
 * @saved_start: its address in the image
 * @len:	its length (the same in both, or BEGIN refuses)
 * @name:	"[vdso]", "[vvar]", ...
 */
struct kckpt_special_map {
	__u64 cur_start;
	__u64 saved_start;
	__u64 len;
	char name[KCKPT_SPECIAL_NAMELEN];
};

/* kckpt_restore_begin.flags */
#define KCKPT_BEGIN_DRY_RUN	(1U << 0)	/* validate only, keep no session */
#define KCKPT_BEGIN_FLAGS	KCKPT_BEGIN_DRY_RUN

/**
 * struct kckpt_restore_begin - argument of KCKPT_IOC_RESTORE_BEGIN
 * @size:	in: sizeof(struct kckpt_restore_begin)
 * @flags:	in: KCKPT_BEGIN_*
 * @image_fd:	in: the image, open for reading
 * @nr_special: out: entries used in @special
 * @nr_fds:	out: number of KCKPT_NT_FD notes
 * @max_fd:	out: highest saved descriptor number, -1 when none
 * @xstate_size: out: size of the NT_X86_XSTATE note, 0 when none
 * @nr_pending:	out: entries of the KCKPT_NT_SIGPENDING note
 * @xfeatures:	out: XCR0 of the machine that wrote the image
 * @special:	out: kernel mappings to move before FINISH
 * @reason:	out: on failure, why
 */
struct kckpt_restore_begin {
	__u32 size;
	__u32 flags;
	__s32 image_fd;
	__u32 nr_special;
	__u32 nr_fds;
	__s32 max_fd;
	__u32 xstate_size;
	__u32 nr_pending;
	__u64 xfeatures;
	struct kckpt_special_map special[KCKPT_SPECIAL_MAX];
	char reason[KCKPT_REASON_LEN];
};

/**
 * struct kckpt_restore_note - argument of KCKPT_IOC_RESTORE_NOTE
 * @size:	in: sizeof(struct kckpt_restore_note)
 * @type:	in: a note type (KCKPT_NT_*, NT_PRSTATUS, NT_X86_XSTATE, ...)
 * @index:	in: which note of that type (0 = the first)
 * @len:	in: bytes available at @buf; out: the descriptor's size (the
 *		copy is truncated to the buffer; ENOENT when there is no such note)
 * @buf:	in: user buffer
 */
struct kckpt_restore_note {
	__u32 size;
	__u32 type;
	__u32 index;
	__u32 len;
	__u64 buf;
};

/* kckpt_restore_finish.flags */
#define KCKPT_RESTORE_RESUME_CODE	(1U << 0)	/* use @resume_code */
#define KCKPT_RESTORE_FLAGS		KCKPT_RESTORE_RESUME_CODE

/**
 * struct kckpt_restore_finish - argument of KCKPT_IOC_RESTORE_FINISH
 * @size:	in: sizeof(struct kckpt_restore_finish)
 * @flags:	in: KCKPT_RESTORE_*
 * @resume_code: in: with KCKPT_RESTORE_RESUME_CODE, the value a
 *		self-checkpointed process sees from its checkpoint call
 * @dev_fd:	in: the helper's /dev/kckpt descriptor, closed on the way out
 * @image_fd:	in: the helper's image descriptor, closed on the way out
 * @pad:	0
 * @reason:	out: on failure, why
 */
struct kckpt_restore_finish {
	__u32 size;
	__u32 flags;
	__u32 resume_code;
	__s32 dev_fd;
	__s32 image_fd;
	__u32 pad;
	char reason[KCKPT_REASON_LEN];
};

/* ------------------------------------------------------------------ */
/* The ioctls                                                           */
/* ------------------------------------------------------------------ */
/*
 * Growth: the module finds a command by its number (_IOC_NR) and copies
 * exactly the size the caller's ioctl number encodes (_IOC_SIZE), which
 * must equal the structure's own @size. A caller built against an older
 * header (a shorter structure, never shorter than its *_SIZE_VER0) gets
 * the fields it knows, the new ones read as zero; a newer caller's longer
 * structure is accepted when the tail this module does not know is zero
 * (E2BIG otherwise). Answers are cut to the caller's size. Fields are only
 * ever appended; a change that cannot be expressed so bumps
 * KCKPT_ABI_VERSION.
 */
#define KCKPT_IOC_MAGIC		0xCE

#define KCKPT_NR_VERSION	0x00
#define KCKPT_NR_CHECKPOINT	0x01
#define KCKPT_NR_RESTORE_BEGIN	0x02
#define KCKPT_NR_RESTORE_NOTE	0x03
#define KCKPT_NR_RESTORE_FINISH	0x04
#define KCKPT_NR_REQUEST	0x05

/* The sizes of the first ABI's structures: nothing shorter is accepted. */
#define KCKPT_VERSION_SIZE_VER0		128
#define KCKPT_VERSION_SIZE_VER1		136	/* + sigckpt, sigckptexit */
#define KCKPT_CHECKPOINT_SIZE_VER0	184
#define KCKPT_CHECKPOINT_SIZE_VER1	192	/* + image_path */
#define KCKPT_RESTORE_BEGIN_SIZE_VER0	328
#define KCKPT_RESTORE_NOTE_SIZE_VER0	24
#define KCKPT_RESTORE_FINISH_SIZE_VER0	152
#define KCKPT_REQUEST_SIZE_VER0		416

#define KCKPT_IOC_VERSION	_IOWR(KCKPT_IOC_MAGIC, KCKPT_NR_VERSION, struct kckpt_version)
#define KCKPT_IOC_CHECKPOINT	_IOWR(KCKPT_IOC_MAGIC, KCKPT_NR_CHECKPOINT, struct kckpt_checkpoint)
#define KCKPT_IOC_RESTORE_BEGIN	_IOWR(KCKPT_IOC_MAGIC, KCKPT_NR_RESTORE_BEGIN, struct kckpt_restore_begin)
#define KCKPT_IOC_RESTORE_NOTE	_IOWR(KCKPT_IOC_MAGIC, KCKPT_NR_RESTORE_NOTE, struct kckpt_restore_note)
#define KCKPT_IOC_RESTORE_FINISH _IOWR(KCKPT_IOC_MAGIC, KCKPT_NR_RESTORE_FINISH, struct kckpt_restore_finish)
#define KCKPT_IOC_REQUEST	_IOWR(KCKPT_IOC_MAGIC, KCKPT_NR_REQUEST, struct kckpt_request)

#endif /* _UAPI_LINUX_KCKPT_H */
