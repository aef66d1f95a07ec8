using System.Runtime.InteropServices;

namespace KCkpt.Interop;

/// <summary>The few libc calls KCkpt needs, as plain P/Invoke. Errno is read with Marshal.GetLastPInvokeError().</summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc";

    public const int ORdWr = 0x2;
    public const int OCloExec = 0x80000;

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(SafeFileDescriptor fd, nuint request, void* argument);

    [LibraryImport(Library, EntryPoint = "uname", SetLastError = true)]
    public static partial int Uname(byte* buffer);
}

/// <summary>errno values used by KCkpt (Linux, all architectures it supports).</summary>
public static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ENXIO = 6;
    public const int EACCES = 13;
    public const int ENODEV = 19;
}
