namespace KCkpt.Interop;

/// <summary>Linux ioctl request numbers, encoded as the _IOC macros of asm-generic/ioctl.h do.</summary>
public static class Ioctl
{
    private const int NrShift = 0;
    private const int TypeShift = 8;
    private const int SizeShift = 16;
    private const int DirShift = 30;

    private const uint DirWrite = 1;
    private const uint DirRead = 2;

    private const int MaxSize = (1 << 14) - 1;

    /// <summary>_IOC(dir, type, nr, size).</summary>
    public static uint Encode(uint dir, uint type, uint nr, int size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(type, 0xFFu);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nr, 0xFFu);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize);
        return dir << DirShift | (uint)size << SizeShift | type << TypeShift | nr << NrShift;
    }

    /// <summary>_IOWR(type, nr, size): the caller passes data in and the kernel writes an answer back.</summary>
    public static uint ReadWrite(uint type, uint nr, int size) => Encode(DirRead | DirWrite, type, nr, size);
}
