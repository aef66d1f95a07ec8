using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

internal static partial class Interop
{
    /// <summary>
    /// The one C# mirror of include/uapi/kckpt.h. Names follow the header
    /// (KCKPT_FOO_BAR is FooBar here); the host test UapiLayoutTests checks every
    /// value, size and offset against the header compiled with cc.
    /// </summary>
    internal static class Uapi
    {
        internal const string DeviceName = "kckpt";
        internal const string DevicePath = "/dev/kckpt";

        internal const uint AbiVersion = 1;

        internal const int VersionStrLen = 32;
        internal const int ReleaseStrLen = 65;

        internal const ulong FeatCheckpoint = 1UL << 0;
        internal const ulong FeatRestore = 1UL << 1;
        internal const ulong FeatRequest = 1UL << 2;
        internal const ulong FeatTtyHook = 1UL << 3;
        internal const ulong FeatRestoreDryRun = 1UL << 4;

        // KCKPT_IOC_RESTORE_BEGIN
        internal const int SpecialMax = 4;
        internal const int SpecialNameLen = 16;
        internal const uint BeginDryRun = 1U << 0;
        internal const uint BeginFlags = BeginDryRun;

        // KCKPT_IOC_CHECKPOINT
        internal const uint CkptStop = 1U << 0;
        internal const uint CkptKill = 1U << 1;
        internal const uint CkptCreate = 1U << 2;
        internal const uint CkptReplace = 1U << 3;
        internal const uint CkptFlags = CkptStop | CkptKill | CkptCreate | CkptReplace;

        internal const int PidSelf = 0;
        internal const uint ManifestMax = 1U << 20;
        internal const int ReasonLen = 128;
        internal const uint DefaultResume = 1;

        // KCKPT_IOC_REQUEST
        internal const int SigckptDefault = 63;
        internal const int SigckptExitDefault = 64;

        internal const uint ReqExit = 1U << 0;
        internal const uint ReqFlags = ReqExit;

        internal const uint ActSignalled = 1;
        internal const uint ActCheckpointed = 2;
        internal const uint ActIgnored = 3;

        internal const int PathLen = 256;

        // The image
        internal const string NoteName = "KCKPT";
        internal const uint NtBase = 0x4b430000;
        internal const uint FormatVersion = 1;

        internal const uint NtImage = NtBase + 1;
        internal const uint NtProc = NtBase + 2;
        internal const uint NtThread = NtBase + 3;
        internal const uint NtSigActions = NtBase + 4;
        internal const uint NtSigPending = NtBase + 5;
        internal const uint NtVma = NtBase + 6;
        internal const uint NtFd = NtBase + 7;
        internal const uint NtSegments = NtBase + 8;
        internal const uint NtCwd = NtBase + 9;
        internal const uint NtExe = NtBase + 10;
        internal const uint NtManifest = NtBase + 11;

        internal const int NSig = 64;
        internal const int NRlimits = 16;
        internal const int CommLen = 16;
        internal const int UtsLen = 65;

        internal const uint ImgSelf = 1U << 0;

        /// <summary>KCKPT_PROC_SIZE_VER0: struct kckpt_proc as the first writers wrote it (up to rlim); shorter is refused, the fields it lacks read as zero.</summary>
        internal const int ProcSizeVer0 = 400;

        internal const uint ConfineNoNewPrivs = 1U << 0;
        internal const uint ConfineFlags = ConfineNoNewPrivs;

        internal const uint RestartNone = 0;
        internal const uint RestartReissue = 1;
        internal const uint RestartEintr = 2;
        internal const uint RestartResume = 3;

        internal const uint SigqThread = 0;
        internal const uint SigqShared = 1;

        internal const uint VmaAnon = 1;
        internal const uint VmaFilePrivate = 2;
        internal const uint VmaFileShared = 3;
        internal const uint VmaShmem = 4;
        internal const uint VmaVdso = 5;
        internal const uint VmaVvar = 6;

        internal const uint VmafGrowsDown = 1U << 0;
        internal const uint VmafLocked = 1U << 1;
        internal const uint VmafNoReserve = 1U << 2;
        internal const uint VmafDontDump = 1U << 3;
        internal const uint VmafHeap = 1U << 4;
        internal const uint VmafStack = 1U << 5;
        internal const uint VmafMayWrite = 1U << 6;
        internal const uint VmafDontFork = 1U << 7;

        internal const uint FdRegular = 1;
        internal const uint FdDirectory = 2;
        internal const uint FdChardev = 3;
        internal const uint FdTty = 4;
        internal const uint FdKckpt = 5;

        internal const uint IocMagic = 0xCE;
        internal const uint NrVersion = 0x00;
        internal const uint NrCheckpoint = 0x01;
        internal const uint NrRestoreBegin = 0x02;
        internal const uint NrRestoreNote = 0x03;
        internal const uint NrRestoreFinish = 0x04;
        internal const uint NrRequest = 0x05;

        internal const int VersionSizeVer0 = 128;
        internal const int VersionSizeVer1 = 136;
        internal const int CheckpointSizeVer0 = 184;
        internal const int CheckpointSizeVer1 = 192;
        internal const int RestoreBeginSizeVer0 = 328;
        internal const int RestoreNoteSizeVer0 = 24;
        internal const int RestoreFinishSizeVer0 = 152;
        internal const int RequestSizeVer0 = 416;

        internal static readonly uint IocVersion = IoctlNumber.ReadWrite(IocMagic, NrVersion, Marshal.SizeOf<KckptVersion>());
        internal static readonly uint IocCheckpoint = IoctlNumber.ReadWrite(IocMagic, NrCheckpoint, Marshal.SizeOf<KckptCheckpoint>());
        internal static readonly uint IocRequest = IoctlNumber.ReadWrite(IocMagic, NrRequest, Marshal.SizeOf<KckptRequest>());
        internal static readonly uint IocRestoreBegin = IoctlNumber.ReadWrite(IocMagic, NrRestoreBegin, Marshal.SizeOf<KckptRestoreBegin>());

        /// <summary>struct kckpt_version: the answer of KCKPT_IOC_VERSION.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct KckptVersion
        {
            internal uint Size;
            internal uint Flags;
            internal uint AbiVersion;
            internal uint Reserved;
            internal ulong Features;
            internal fixed byte ModuleVersion[Uapi.VersionStrLen];
            internal fixed byte KernelRelease[Uapi.ReleaseStrLen];
            internal fixed byte Pad[7];
            internal uint SigCkpt;
            internal uint SigCkptExit;
        }

        /// <summary>struct kckpt_checkpoint: the argument of KCKPT_IOC_CHECKPOINT.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct KckptCheckpoint
        {
            internal uint Size;
            internal uint Flags;
            internal int Pid;
            internal int ImageFd;
            internal int ProofFd;
            internal uint ResumeCode;
            internal ulong Manifest;
            internal uint ManifestLen;
            internal uint TimeoutMs;
            internal ulong ImageBytes;
            internal ulong MemoryBytes;
            internal fixed byte Reason[Uapi.ReasonLen];
            internal ulong ImagePath;
        }

        /// <summary>struct kckpt_special_map: a kernel-provided mapping the restore helper moves.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct KckptSpecialMap
        {
            internal ulong CurStart;
            internal ulong SavedStart;
            internal ulong Len;
            internal fixed byte Name[Uapi.SpecialNameLen];
        }

        /// <summary>struct kckpt_restore_begin: the argument of KCKPT_IOC_RESTORE_BEGIN (special[SpecialMax] as four fields).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct KckptRestoreBegin
        {
            internal uint Size;
            internal uint Flags;
            internal int ImageFd;
            internal uint NrSpecial;
            internal uint NrFds;
            internal int MaxFd;
            internal uint XStateSize;
            internal uint NrPending;
            internal ulong XFeatures;
            internal KckptSpecialMap Special0;
            internal KckptSpecialMap Special1;
            internal KckptSpecialMap Special2;
            internal KckptSpecialMap Special3;
            internal fixed byte Reason[Uapi.ReasonLen];
        }

        /// <summary>struct kckpt_request: the argument of KCKPT_IOC_REQUEST ("send SIGCKPT").</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct KckptRequest
        {
            internal uint Size;
            internal uint Flags;
            internal int Pid;
            internal int ProofFd;
            internal uint TimeoutMs;
            internal uint Action;
            internal ulong ImageBytes;
            internal fixed byte Path[Uapi.PathLen];
            internal fixed byte Reason[Uapi.ReasonLen];
        }

        /// <summary>struct kckpt_image_hdr: who, when, where; the first KCKPT note of an image.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct KckptImageHdr
        {
            internal uint FormatVersion;
            internal uint AbiVersion;
            internal uint Flags;
            internal uint ResumeCode;
            internal long CreatedSec;
            internal uint CreatedNsec;
            internal uint NrThreads;
            internal uint Uid;
            internal uint Gid;
            internal uint Euid;
            internal uint Egid;
            internal int Pid;
            internal int Ppid;
            internal int Pgid;
            internal int Sid;
            internal ulong XFeatures;
            internal uint XStateSize;
            internal uint PageSize;
            internal ulong VdsoStart;
            internal ulong VdsoSize;
            internal uint VdsoCrc32c;
            internal uint Pad0;
            internal fixed byte KernelRelease[Uapi.UtsLen];
            internal fixed byte KernelVersion[Uapi.UtsLen];
            internal fixed byte Hostname[Uapi.UtsLen];
            internal fixed byte ModuleVersion[Uapi.VersionStrLen];
            internal fixed byte Pad1[5];
        }

        /// <summary>struct kckpt_rlimit: one resource limit, RLIM_INFINITY as ~0.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct KckptRlimit
        {
            internal ulong Cur;
            internal ulong Max;
        }

        /// <summary>kckpt_proc.rlim: struct kckpt_rlimit[KCKPT_NRLIMITS].</summary>
        [InlineArray(Uapi.NRlimits)]
        internal struct KckptRlimits
        {
            private KckptRlimit first;
        }

        /// <summary>struct kckpt_proc: process-wide state.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct KckptProc
        {
            internal uint Umask;
            internal uint Personality;
            internal fixed byte Comm[Uapi.CommLen];
            internal uint Dumpable;
            internal uint Pad0;
            internal ulong ItimerRealValueNs;
            internal ulong ItimerRealIntervalNs;
            internal ulong StartCode;
            internal ulong EndCode;
            internal ulong StartData;
            internal ulong EndData;
            internal ulong StartBrk;
            internal ulong Brk;
            internal ulong StartStack;
            internal ulong ArgStart;
            internal ulong ArgEnd;
            internal ulong EnvStart;
            internal ulong EnvEnd;
            internal ulong AuxvLen;
            internal KckptRlimits Rlim;
            internal uint Confinement;
            internal uint Pad1;
        }

        /// <summary>struct kckpt_thread: per-thread state beside NT_PRSTATUS/NT_X86_XSTATE.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct KckptThread
        {
            internal int Tid;
            internal uint Restart;
            internal int SyscallNr;
            internal uint Pad0;
            internal ulong SigMask;
            internal ulong SsSp;
            internal ulong SsSize;
            internal uint SsFlags;
            internal uint RseqLen;
            internal ulong Rseq;
            internal uint RseqSig;
            internal uint Pad1;
            internal ulong RobustList;
            internal ulong RobustListLen;
            internal ulong SetChildTid;
            internal ulong ClearChildTid;
            internal ulong FsBase;
            internal ulong GsBase;
        }

        /// <summary>struct kckpt_sigaction: index n - 1 of KCKPT_NT_SIGACTIONS describes signal n.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct KckptSigaction
        {
            internal ulong Handler;
            internal ulong Flags;
            internal ulong Restorer;
            internal ulong Mask;
        }

        /// <summary>struct kckpt_siginfo: one queued signal.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct KckptSiginfo
        {
            internal const int InfoSize = 128;

            internal uint Queue;
            internal int Tid;
            internal fixed byte Info[InfoSize];
        }

        /// <summary>struct kckpt_vma: one mapping; followed by its path and populated-page bitmap.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct KckptVma
        {
            internal uint HdrSize;
            internal uint Kind;
            internal uint Prot;
            internal uint Flags;
            internal ulong Start;
            internal ulong End;
            internal ulong Pgoff;
            internal ulong Dev;
            internal ulong Ino;
            internal ulong FileSize;
            internal long MtimeSec;
            internal uint MtimeNsec;
            internal uint PathLen;
            internal ulong NrSaved;
            internal uint BitmapLen;
            internal uint Pad0;
        }

        /// <summary>struct kckpt_fd: one open file descriptor; followed by its path.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct KckptFd
        {
            internal uint HdrSize;
            internal int Fd;
            internal uint Kind;
            internal uint CloExec;
            internal uint Flags;
            internal uint Mode;
            internal long Pos;
            internal ulong Dev;
            internal ulong Ino;
            internal ulong Size;
            internal long MtimeSec;
            internal uint MtimeNsec;
            internal uint Rdev;
            internal uint PathLen;
            internal uint TermiosValid;
            internal KckptTermios Termios;
            internal uint Pad0;
        }

        /// <summary>struct kckpt_termios: a terminal's settings, laid out as struct termios2.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct KckptTermios
        {
            internal const int CcLength = 19;

            internal uint Iflag;
            internal uint Oflag;
            internal uint Cflag;
            internal uint Lflag;
            internal byte Line;
            internal fixed byte Cc[CcLength];
            internal uint Ispeed;
            internal uint Ospeed;
        }

        /// <summary>struct kckpt_segment: a data PT_LOAD and its checksum.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct KckptSegment
        {
            internal ulong Vaddr;
            internal ulong Offset;
            internal ulong Size;
            internal uint Crc32c;
            internal uint PhdrIndex;
        }
    }
}
