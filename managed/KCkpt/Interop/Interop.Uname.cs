using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "uname", SetLastError = true)]
        internal static partial int Uname(out UtsName buffer);

        /// <summary>struct utsname of sys/utsname.h on Linux: six char[65] (LibcLayoutTests checks it).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct UtsName
        {
            internal const int FieldLength = 65;

            internal fixed byte SysName[FieldLength];
            internal fixed byte NodeName[FieldLength];
            internal fixed byte Release[FieldLength];
            internal fixed byte Version[FieldLength];
            internal fixed byte Machine[FieldLength];
            internal fixed byte DomainName[FieldLength];
        }
    }
}
