using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KCkpt.Interop;

/// <summary>
/// The one C# mirror of kmod/include/uapi/kckpt.h. Names follow the header
/// (KCKPT_FOO_BAR is FooBar here); the host test UapiLayoutTests checks every
/// value, size and offset against the header compiled with cc.
/// </summary>
public static class Uapi
{
    public const string DeviceName = "kckpt";
    public const string DevicePath = "/dev/kckpt";

    public const uint AbiVersion = 1;

    public const int VersionStrLen = 32;
    public const int ReleaseStrLen = 65;

    public const ulong FeatCheckpoint = 1UL << 0;
    public const ulong FeatRestore = 1UL << 1;
    public const ulong FeatRequest = 1UL << 2;
    public const ulong FeatTtyHook = 1UL << 3;
    public const ulong FeatRestoreDryRun = 1UL << 4;

    // KCKPT_IOC_CHECKPOINT
    public const uint CkptStop = 1U << 0;
    public const uint CkptKill = 1U << 1;
    public const uint CkptFlags = CkptStop | CkptKill;

    public const int PidSelf = 0;
    public const uint ManifestMax = 1U << 20;
    public const int ReasonLen = 128;
    public const uint DefaultResume = 1;

    // KCKPT_IOC_REQUEST
    public const int SigckptDefault = 63;
    public const int SigckptExitDefault = 64;

    public const uint ReqExit = 1U << 0;
    public const uint ReqFlags = ReqExit;

    public const uint ActSignalled = 1;
    public const uint ActCheckpointed = 2;
    public const uint ActIgnored = 3;

    public const int PathLen = 256;

    // The image
    public const string NoteName = "KCKPT";
    public const uint NtBase = 0x4b430000;
    public const uint FormatVersion = 1;

    public const uint NtImage = NtBase + 1;
    public const uint NtProc = NtBase + 2;
    public const uint NtThread = NtBase + 3;
    public const uint NtSigActions = NtBase + 4;
    public const uint NtSigPending = NtBase + 5;
    public const uint NtVma = NtBase + 6;
    public const uint NtFd = NtBase + 7;
    public const uint NtSegments = NtBase + 8;
    public const uint NtCwd = NtBase + 9;
    public const uint NtExe = NtBase + 10;
    public const uint NtManifest = NtBase + 11;

    public const int NSig = 64;
    public const int NRlimits = 16;
    public const int CommLen = 16;
    public const int UtsLen = 65;

    public const uint ImgSelf = 1U << 0;

    public const uint RestartNone = 0;
    public const uint RestartReissue = 1;
    public const uint RestartEintr = 2;
    public const uint RestartResume = 3;

    public const uint SigqThread = 0;
    public const uint SigqShared = 1;

    public const uint VmaAnon = 1;
    public const uint VmaFilePrivate = 2;
    public const uint VmaFileShared = 3;
    public const uint VmaShmem = 4;
    public const uint VmaVdso = 5;
    public const uint VmaVvar = 6;

    public const uint VmafGrowsDown = 1U << 0;
    public const uint VmafLocked = 1U << 1;
    public const uint VmafNoReserve = 1U << 2;
    public const uint VmafDontDump = 1U << 3;
    public const uint VmafHeap = 1U << 4;
    public const uint VmafStack = 1U << 5;
    public const uint VmafMayWrite = 1U << 6;
    public const uint VmafDontFork = 1U << 7;

    public const uint FdRegular = 1;
    public const uint FdDirectory = 2;
    public const uint FdChardev = 3;
    public const uint FdTty = 4;
    public const uint FdKckpt = 5;

    // KCKPT_IOC_RESTORE_BEGIN
    public const int SpecialMax = 4;
    public const int SpecialNameLen = 16;
    public const uint BeginDryRun = 1U << 0;
    public const uint BeginFlags = BeginDryRun;

    public const uint IocMagic = 0xCE;
    public const uint NrVersion = 0x00;
    public const uint NrCheckpoint = 0x01;
    public const uint NrRestoreBegin = 0x02;
    public const uint NrRequest = 0x05;

    public const int VersionSizeVer0 = 128;
    public const int VersionSizeVer1 = 136;
    public const int CheckpointSizeVer0 = 184;
    public const int RestoreBeginSizeVer0 = 328;
    public const int RequestSizeVer0 = 416;

    public static readonly uint IocVersion = Ioctl.ReadWrite(IocMagic, NrVersion, Marshal.SizeOf<KckptVersion>());
    public static readonly uint IocCheckpoint = Ioctl.ReadWrite(IocMagic, NrCheckpoint, Marshal.SizeOf<KckptCheckpoint>());
    public static readonly uint IocRequest = Ioctl.ReadWrite(IocMagic, NrRequest, Marshal.SizeOf<KckptRequest>());
    public static readonly uint IocRestoreBegin = Ioctl.ReadWrite(IocMagic, NrRestoreBegin, Marshal.SizeOf<KckptRestoreBegin>());
}

/// <summary>struct kckpt_version: the answer of KCKPT_IOC_VERSION.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct KckptVersion
{
    public uint Size;
    public uint Flags;
    public uint AbiVersion;
    public uint Reserved;
    public ulong Features;
    public fixed byte ModuleVersion[Uapi.VersionStrLen];
    public fixed byte KernelRelease[Uapi.ReleaseStrLen];
    public fixed byte Pad[7];
    public uint SigCkpt;
    public uint SigCkptExit;
}

/// <summary>struct kckpt_checkpoint: the argument of KCKPT_IOC_CHECKPOINT.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct KckptCheckpoint
{
    public uint Size;
    public uint Flags;
    public int Pid;
    public int ImageFd;
    public int ProofFd;
    public uint ResumeCode;
    public ulong Manifest;
    public uint ManifestLen;
    public uint TimeoutMs;
    public ulong ImageBytes;
    public ulong MemoryBytes;
    public fixed byte Reason[Uapi.ReasonLen];
}

/// <summary>struct kckpt_request: the argument of KCKPT_IOC_REQUEST ("send SIGCKPT").</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct KckptRequest
{
    public uint Size;
    public uint Flags;
    public int Pid;
    public int ProofFd;
    public uint TimeoutMs;
    public uint Action;
    public ulong ImageBytes;
    public fixed byte Path[Uapi.PathLen];
    public fixed byte Reason[Uapi.ReasonLen];
}

/// <summary>struct kckpt_special_map: a kernel-provided mapping the restore helper moves.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct KckptSpecialMap
{
    public ulong CurStart;
    public ulong SavedStart;
    public ulong Len;
    public fixed byte Name[Uapi.SpecialNameLen];
}

/// <summary>struct kckpt_restore_begin: the argument of KCKPT_IOC_RESTORE_BEGIN (special[SpecialMax] as four fields).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct KckptRestoreBegin
{
    public uint Size;
    public uint Flags;
    public int ImageFd;
    public uint NrSpecial;
    public uint NrFds;
    public int MaxFd;
    public uint XStateSize;
    public uint NrPending;
    public ulong XFeatures;
    public KckptSpecialMap Special0;
    public KckptSpecialMap Special1;
    public KckptSpecialMap Special2;
    public KckptSpecialMap Special3;
    public fixed byte Reason[Uapi.ReasonLen];
}

/// <summary>struct kckpt_image_hdr: who, when, where; the first KCKPT note of an image.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct KckptImageHdr
{
    public uint FormatVersion;
    public uint AbiVersion;
    public uint Flags;
    public uint ResumeCode;
    public long CreatedSec;
    public uint CreatedNsec;
    public uint NrThreads;
    public uint Uid;
    public uint Gid;
    public uint Euid;
    public uint Egid;
    public int Pid;
    public int Ppid;
    public int Pgid;
    public int Sid;
    public ulong XFeatures;
    public uint XStateSize;
    public uint PageSize;
    public ulong VdsoStart;
    public ulong VdsoSize;
    public uint VdsoCrc32c;
    public uint Pad0;
    public fixed byte KernelRelease[Uapi.UtsLen];
    public fixed byte KernelVersion[Uapi.UtsLen];
    public fixed byte Hostname[Uapi.UtsLen];
    public fixed byte ModuleVersion[Uapi.VersionStrLen];
    public fixed byte Pad1[5];
}

/// <summary>struct kckpt_rlimit: one resource limit, RLIM_INFINITY as ~0.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct KckptRlimit
{
    public ulong Cur;
    public ulong Max;
}

/// <summary>kckpt_proc.rlim: struct kckpt_rlimit[KCKPT_NRLIMITS].</summary>
[InlineArray(Uapi.NRlimits)]
public struct KckptRlimits
{
    private KckptRlimit first;
}

/// <summary>struct kckpt_proc: process-wide state.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct KckptProc
{
    public uint Umask;
    public uint Personality;
    public fixed byte Comm[Uapi.CommLen];
    public uint Dumpable;
    public uint Pad0;
    public ulong ItimerRealValueNs;
    public ulong ItimerRealIntervalNs;
    public ulong StartCode;
    public ulong EndCode;
    public ulong StartData;
    public ulong EndData;
    public ulong StartBrk;
    public ulong Brk;
    public ulong StartStack;
    public ulong ArgStart;
    public ulong ArgEnd;
    public ulong EnvStart;
    public ulong EnvEnd;
    public ulong AuxvLen;
    public KckptRlimits Rlim;
}

/// <summary>struct kckpt_thread: per-thread state beside NT_PRSTATUS/NT_X86_XSTATE.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct KckptThread
{
    public int Tid;
    public uint Restart;
    public int SyscallNr;
    public uint Pad0;
    public ulong SigMask;
    public ulong SsSp;
    public ulong SsSize;
    public uint SsFlags;
    public uint RseqLen;
    public ulong Rseq;
    public uint RseqSig;
    public uint Pad1;
    public ulong RobustList;
    public ulong RobustListLen;
    public ulong SetChildTid;
    public ulong ClearChildTid;
    public ulong FsBase;
    public ulong GsBase;
}

/// <summary>struct kckpt_sigaction: index n - 1 of KCKPT_NT_SIGACTIONS describes signal n.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct KckptSigaction
{
    public ulong Handler;
    public ulong Flags;
    public ulong Restorer;
    public ulong Mask;
}

/// <summary>struct kckpt_siginfo: one queued signal.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct KckptSiginfo
{
    public const int InfoSize = 128;

    public uint Queue;
    public int Tid;
    public fixed byte Info[InfoSize];
}

/// <summary>struct kckpt_vma: one mapping; followed by its path and populated-page bitmap.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct KckptVma
{
    public uint HdrSize;
    public uint Kind;
    public uint Prot;
    public uint Flags;
    public ulong Start;
    public ulong End;
    public ulong Pgoff;
    public ulong Dev;
    public ulong Ino;
    public ulong FileSize;
    public long MtimeSec;
    public uint MtimeNsec;
    public uint PathLen;
    public ulong NrSaved;
    public uint BitmapLen;
    public uint Pad0;
}

/// <summary>struct kckpt_fd: one open file descriptor; followed by its path.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct KckptFd
{
    public uint HdrSize;
    public int Fd;
    public uint Kind;
    public uint CloExec;
    public uint Flags;
    public uint Mode;
    public long Pos;
    public ulong Dev;
    public ulong Ino;
    public ulong Size;
    public long MtimeSec;
    public uint MtimeNsec;
    public uint Rdev;
    public uint PathLen;
    public uint TermiosValid;
    public KckptTermios Termios;
    public uint Pad0;
}

/// <summary>struct kckpt_termios: a terminal's settings, laid out as struct termios2.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct KckptTermios
{
    public const int CcLength = 19;

    public uint Iflag;
    public uint Oflag;
    public uint Cflag;
    public uint Lflag;
    public byte Line;
    public fixed byte Cc[CcLength];
    public uint Ispeed;
    public uint Ospeed;
}

/// <summary>struct kckpt_segment: a data PT_LOAD and its checksum.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct KckptSegment
{
    public ulong Vaddr;
    public ulong Offset;
    public ulong Size;
    public uint Crc32c;
    public uint PhdrIndex;
}
