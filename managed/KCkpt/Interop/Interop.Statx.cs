using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>statx mask: the fields of stat(2) (linux/stat.h).</summary>
        internal const uint StatxBasicStats = 0x7ff;

        [LibraryImport(Libraries.Libc, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Statx(SafeFileHandle dirFd, string path, int flags, uint mask, out StatxBuffer buffer);

        /// <summary>struct statx of linux/stat.h; only the fields KCkpt reads are named (LibcLayoutTests checks them).</summary>
        [StructLayout(LayoutKind.Sequential, Size = 256)]
        internal struct StatxBuffer
        {
            internal uint Mask;
            internal uint BlkSize;
            internal ulong Attributes;
            internal uint Nlink;
            internal uint Uid;
            internal uint Gid;
            internal ushort Mode;
            internal ushort Spare0;
            internal ulong Ino;
            internal ulong Size;
            internal ulong Blocks;
            internal ulong AttributesMask;
            internal StatxTimestamp Atime;
            internal StatxTimestamp Btime;
            internal StatxTimestamp Ctime;
            internal StatxTimestamp Mtime;
            internal uint RdevMajor;
            internal uint RdevMinor;
            internal uint DevMajor;
            internal uint DevMinor;
        }

        /// <summary>struct statx_timestamp.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct StatxTimestamp
        {
            internal long Sec;
            internal uint Nsec;
            internal int Reserved;
        }
    }
}
