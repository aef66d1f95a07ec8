using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace KCkpt.Interop;

/// <summary>The few libc calls KCkpt needs, as plain P/Invoke. Errno is read with Marshal.GetLastPInvokeError().</summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc";

    public const int ORdOnly = 0x0;
    public const int OWrOnly = 0x1;
    public const int ORdWr = 0x2;
    public const int OCreat = 0x40;
    public const int OExcl = 0x80;
    public const int ONoFollow = 0x20000;
    public const int OCloExec = 0x80000;

    public const int FGetFd = 1;
    public const int FSetFd = 2;
    public const int FdCloExec = 1;

    /// <summary>posix_spawnattr_setflags: the child calls setsid() (glibc 2.26 and later).</summary>
    public const short PosixSpawnSetSid = 0x80;

    /// <summary>sizeof(posix_spawnattr_t) is 336 on glibc x86_64; this leaves room.</summary>
    public const int PosixSpawnAttrSize = 1024;

    public const int AtFdCwd = -100;
    public const uint RenameNoReplace = 1;
    public const uint StatxBasicStats = 0x7ff;

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    /// <summary>open(2) with a creation mode, for O_CREAT.</summary>
    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, uint mode);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(SafeFileHandle fd);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(SafeFileDescriptor fd, nuint request, void* argument);

    [LibraryImport(Library, EntryPoint = "uname", SetLastError = true)]
    public static partial int Uname(byte* buffer);

    [LibraryImport(Library, EntryPoint = "geteuid")]
    public static partial uint GetEuid();

    [LibraryImport(Library, EntryPoint = "getegid")]
    public static partial uint GetEgid();

    /// <summary>fcntl(2) with an int argument (F_GETFD, F_SETFD).</summary>
    [LibraryImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    /// <summary>execve(2): <paramref name="argv"/> and <paramref name="envp"/> are NULL-terminated arrays of C strings.</summary>
    [LibraryImport(Library, EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Execve(string path, nint* argv, nint* envp);

    /// <summary>posix_spawn(3): returns 0 or an error number (errno is not used).</summary>
    [LibraryImport(Library, EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PosixSpawn(out int pid, string path, void* fileActions, void* attributes, nint* argv, nint* envp);

    [LibraryImport(Library, EntryPoint = "posix_spawnattr_init")]
    public static partial int PosixSpawnAttrInit(void* attributes);

    [LibraryImport(Library, EntryPoint = "posix_spawnattr_setflags")]
    public static partial int PosixSpawnAttrSetFlags(void* attributes, short flags);

    [LibraryImport(Library, EntryPoint = "posix_spawnattr_destroy")]
    public static partial int PosixSpawnAttrDestroy(void* attributes);

    [LibraryImport(Library, EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    [LibraryImport(Library, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int dirFd, string path, int flags, uint mask, out Statx buffer);
}

/// <summary>struct statx of linux/stat.h (256 bytes); only the fields KCkpt reads are named.</summary>
[StructLayout(LayoutKind.Sequential, Size = 256)]
internal struct Statx
{
    public uint Mask;
    public uint BlkSize;
    public ulong Attributes;
    public uint Nlink;
    public uint Uid;
    public uint Gid;
    public ushort Mode;
    public ushort Spare0;
    public ulong Ino;
    public ulong Size;
    public ulong Blocks;
    public ulong AttributesMask;
    public StatxTimestamp Atime;
    public StatxTimestamp Btime;
    public StatxTimestamp Ctime;
    public StatxTimestamp Mtime;
    public uint RdevMajor;
    public uint RdevMinor;
    public uint DevMajor;
    public uint DevMinor;
}

/// <summary>struct statx_timestamp.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct StatxTimestamp
{
    public long Sec;
    public uint Nsec;
    public int Reserved;
}

/// <summary>errno values used by KCkpt (Linux, all architectures it supports).</summary>
public static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int ENXIO = 6;
    public const int EACCES = 13;
    public const int EEXIST = 17;
    public const int ENODEV = 19;
    public const int ENOTDIR = 20;
    public const int EINVAL = 22;
    public const int ENOTTY = 25;
}
