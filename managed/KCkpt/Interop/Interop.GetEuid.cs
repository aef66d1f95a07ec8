using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "geteuid")]
        internal static partial uint GetEuid();

        [LibraryImport(Libraries.Libc, EntryPoint = "getegid")]
        internal static partial uint GetEgid();
    }
}
