using System.Runtime.InteropServices;

namespace KCkpt.Interop;

/// <summary>The terminal calls of <c>checkpt tty</c>: isatty(3) and the line discipline ioctls.</summary>
internal static unsafe partial class Libc
{
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;

    /// <summary>TIOCGETD and TIOCSETD of asm-generic/ioctls.h (x86_64): get and set the line discipline (an int).</summary>
    public const uint TiocGetD = 0x5424;
    public const uint TiocSetD = 0x5423;

    [LibraryImport(Library, EntryPoint = "isatty", SetLastError = true)]
    public static partial int Isatty(int fd);

    /// <summary>ioctl(2) with an int pointer on a descriptor this process does not own through a handle (stdin).</summary>
    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlInt(int fd, nuint request, int* argument);
}
