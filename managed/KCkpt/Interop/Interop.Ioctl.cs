using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

internal static partial class Interop
{
    /// <summary>ioctl request numbers, encoded as the _IOC macros of asm-generic/ioctl.h do.</summary>
    internal static class IoctlNumber
    {
        private const int NrShift = 0;
        private const int TypeShift = 8;
        private const int SizeShift = 16;
        private const int DirShift = 30;

        private const uint DirWrite = 1;
        private const uint DirRead = 2;

        private const int MaxSize = (1 << 14) - 1;

        /// <summary>_IOC(dir, type, nr, size).</summary>
        internal static uint Encode(uint dir, uint type, uint nr, int size)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(type, 0xFFu);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(nr, 0xFFu);
            ArgumentOutOfRangeException.ThrowIfNegative(size);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize);
            return dir << DirShift | (uint)size << SizeShift | type << TypeShift | nr << NrShift;
        }

        /// <summary>_IOR(type, nr, size): the kernel writes an answer.</summary>
        internal static uint Read(uint type, uint nr, int size) => Encode(DirRead, type, nr, size);

        /// <summary>_IOW(type, nr, size): the caller passes data in.</summary>
        internal static uint Write(uint type, uint nr, int size) => Encode(DirWrite, type, nr, size);

        /// <summary>_IOWR(type, nr, size): the caller passes data in and the kernel writes an answer back.</summary>
        internal static uint ReadWrite(uint type, uint nr, int size) => Encode(DirRead | DirWrite, type, nr, size);
    }

    internal static unsafe partial class Libc
    {
        /// <summary>TiocGetD and TiocSetD of asm-generic/ioctls.h: get and set the line discipline (an int).</summary>
        internal const uint TiocGetD = 0x5424;
        internal const uint TiocSetD = 0x5423;

        /// <summary>TiocSPtLck, _IOW('T', 0x31, int): (un)lock a pseudo-terminal's slave.</summary>
        internal static readonly uint TiocSPtLck = IoctlNumber.Write('T', 0x31, sizeof(int));

        /// <summary>TiocGPtN, _IOR('T', 0x30, unsigned int): a pseudo-terminal's number.</summary>
        internal static readonly uint TiocGPtN = IoctlNumber.Read('T', 0x30, sizeof(uint));

        /// <summary>ioctl(2) with a pointer argument.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "ioctl", SetLastError = true)]
        internal static partial int Ioctl(SafeFileHandle fd, nuint request, void* argument);
    }
}
