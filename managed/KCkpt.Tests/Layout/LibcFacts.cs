using static Interop;
using static KCkpt.Tests.Layout.HeaderFact;

namespace KCkpt.Tests.Layout;

/// <summary>
/// The C library's constants and structs that KCkpt's Interop declares by hand, paired with the C expression that
/// computes each from the headers: errno values, open(2) flags, ioctl numbers, and the structs passed by pointer.
/// </summary>
public static class LibcFacts
{
    private const string SpawnAttr = "posix_spawnattr_t";
    private const string Statx = "struct statx";
    private const string StatxTimestamp = "struct statx_timestamp";
    private const string UtsName = "struct utsname";

    public static readonly IReadOnlyList<string> Includes =
        ["<errno.h>", "<fcntl.h>", "<spawn.h>", "<sys/ioctl.h>", "<sys/stat.h>", "<sys/utsname.h>"];

    public static readonly IReadOnlyList<HeaderFact> All =
    [
        Number("EPERM", Errno.EPERM),
        Number("ENOENT", Errno.ENOENT),
        Number("ESRCH", Errno.ESRCH),
        Number("ENXIO", Errno.ENXIO),
        Number("EACCES", Errno.EACCES),
        Number("EEXIST", Errno.EEXIST),
        Number("ENODEV", Errno.ENODEV),
        Number("ENOTDIR", Errno.ENOTDIR),
        Number("EINVAL", Errno.EINVAL),
        Number("ENOTTY", Errno.ENOTTY),

        Number("O_RDONLY", (ulong)OpenFlags.ReadOnly),
        Number("O_WRONLY", (ulong)OpenFlags.WriteOnly),
        Number("O_RDWR", (ulong)OpenFlags.ReadWrite),
        Number("O_ACCMODE", (ulong)OpenFlags.AccessMode),
        Number("O_CREAT", (ulong)OpenFlags.Create),
        Number("O_EXCL", (ulong)OpenFlags.Exclusive),
        Number("O_NOCTTY", (ulong)OpenFlags.NoControllingTerminal),
        Number("O_TRUNC", (ulong)OpenFlags.Truncate),
        Number("O_APPEND", (ulong)OpenFlags.Append),
        Number("O_NONBLOCK", (ulong)OpenFlags.NonBlocking),
        Number("O_DSYNC", (ulong)OpenFlags.DataSync),
        Number("O_ASYNC", (ulong)OpenFlags.Async),
        Number("O_DIRECT", (ulong)OpenFlags.Direct),
        Number("O_DIRECTORY", (ulong)OpenFlags.Directory),
        Number("O_NOFOLLOW", (ulong)OpenFlags.NoFollow),
        Number("O_NOATIME", (ulong)OpenFlags.NoAccessTime),
        Number("O_CLOEXEC", (ulong)OpenFlags.CloseOnExec),
        Number("O_SYNC & ~O_DSYNC", (ulong)OpenFlags.Sync),
        Number("O_PATH", (ulong)OpenFlags.Path),
        Number("O_TMPFILE & ~O_DIRECTORY", (ulong)OpenFlags.TemporaryFile),
        // O_LARGEFILE is left out: glibc defines it as 0 on 64-bit targets; OpenFlags.LargeFile is the kernel's bit.

        Number("F_GETFD", (ulong)Libc.FGetFd),
        Number("F_SETFD", (ulong)Libc.FSetFd),
        Number("FD_CLOEXEC", (ulong)Libc.FdCloExec),
        Number("AT_FDCWD", unchecked((ulong)(long)Libc.AtFdCwd.DangerousGetHandle())),
        Number("STATX_BASIC_STATS", Libc.StatxBasicStats),
        Number("POSIX_SPAWN_SETSID", (ulong)Libc.PosixSpawnSetSid),

        Number("TIOCGETD", Libc.TiocGetD),
        Number("TIOCSETD", Libc.TiocSetD),
        Number("TIOCSPTLCK", Libc.TiocSPtLck),
        Number("TIOCGPTN", Libc.TiocGPtN),

        SizeOf<Libc.PosixSpawnAttr>(SpawnAttr),
        OffsetOf<Libc.PosixSpawnAttr>(SpawnAttr, "__flags", nameof(Libc.PosixSpawnAttr.Flags)),
        OffsetOf<Libc.PosixSpawnAttr>(SpawnAttr, "__pgrp", nameof(Libc.PosixSpawnAttr.ProcessGroup)),
        OffsetOf<Libc.PosixSpawnAttr>(SpawnAttr, "__sd", nameof(Libc.PosixSpawnAttr.DefaultSignals)),
        OffsetOf<Libc.PosixSpawnAttr>(SpawnAttr, "__ss", nameof(Libc.PosixSpawnAttr.SignalMask)),
        OffsetOf<Libc.PosixSpawnAttr>(SpawnAttr, "__sp", nameof(Libc.PosixSpawnAttr.SchedPriority)),
        OffsetOf<Libc.PosixSpawnAttr>(SpawnAttr, "__policy", nameof(Libc.PosixSpawnAttr.SchedPolicy)),
        OffsetOf<Libc.PosixSpawnAttr>(SpawnAttr, "__pad", nameof(Libc.PosixSpawnAttr.Padding)),

        SizeOf<Libc.StatxBuffer>(Statx),
        OffsetOf<Libc.StatxBuffer>(Statx, "stx_mask", nameof(Libc.StatxBuffer.Mask)),
        OffsetOf<Libc.StatxBuffer>(Statx, "stx_ino", nameof(Libc.StatxBuffer.Ino)),
        OffsetOf<Libc.StatxBuffer>(Statx, "stx_size", nameof(Libc.StatxBuffer.Size)),
        OffsetOf<Libc.StatxBuffer>(Statx, "stx_mtime", nameof(Libc.StatxBuffer.Mtime)),
        OffsetOf<Libc.StatxBuffer>(Statx, "stx_dev_major", nameof(Libc.StatxBuffer.DevMajor)),
        OffsetOf<Libc.StatxBuffer>(Statx, "stx_dev_minor", nameof(Libc.StatxBuffer.DevMinor)),
        SizeOf<Libc.StatxTimestamp>(StatxTimestamp),
        OffsetOf<Libc.StatxTimestamp>(StatxTimestamp, "tv_sec", nameof(Libc.StatxTimestamp.Sec)),
        OffsetOf<Libc.StatxTimestamp>(StatxTimestamp, "tv_nsec", nameof(Libc.StatxTimestamp.Nsec)),

        SizeOf<Libc.UtsName>(UtsName),
        OffsetOf<Libc.UtsName>(UtsName, "nodename", nameof(Libc.UtsName.NodeName)),
        OffsetOf<Libc.UtsName>(UtsName, "release", nameof(Libc.UtsName.Release)),
        OffsetOf<Libc.UtsName>(UtsName, "version", nameof(Libc.UtsName.Version)),
    ];
}
