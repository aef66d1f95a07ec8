using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>isatty(3): 1 for a terminal, else 0 with errno set.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "isatty", SetLastError = true)]
        internal static partial int IsATty(SafeFileHandle fd);
    }
}
