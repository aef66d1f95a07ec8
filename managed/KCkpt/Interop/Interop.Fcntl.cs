using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>fcntl(2) commands of asm-generic/fcntl.h.</summary>
        internal const int FGetFd = 1;
        internal const int FSetFd = 2;
        internal const int FdCloExec = 1;

        /// <summary>fcntl(2) with an int argument (FGetFd, FSetFd).</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "fcntl", SetLastError = true)]
        internal static partial int Fcntl(SafeFileHandle fd, int command, int argument);
    }
}
