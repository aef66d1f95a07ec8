using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace KCkpt.Image;

/// <summary>
/// Takes the crc32c of segments' bytes. Where the image is a file and its file system does direct I/O, the data is
/// read with O_DIRECT (the segments are page-aligned): checking a large image then neither fills the page cache
/// with it nor waits on readahead, as kckpt.ko reads it too. Otherwise, or when a direct read fails, through the
/// <see cref="ImageFile"/>, which reports any problem in the image's terms.
/// </summary>
internal sealed unsafe class SegmentChecksummer : IDisposable
{
    private const int ChunkSize = 1 << 20;
    private const int Alignment = 4096;

    private readonly ImageFile file;
    private SafeFileHandle? direct;
    private byte* alignedChunk;
    private byte[]? chunk;

    private SegmentChecksummer(ImageFile file, SafeFileHandle? direct)
    {
        this.file = file;
        this.direct = direct;
        if (direct is not null)
        {
            alignedChunk = (byte*)NativeMemory.AlignedAlloc(ChunkSize, Alignment);
        }
    }

    /// <summary>A checksummer for <paramref name="file"/>, whose bytes are those of <paramref name="stream"/>.</summary>
    public static SegmentChecksummer For(ImageFile file, Stream stream) => new(file, ReopenDirect(stream));

    /// <summary>The crc32c of <paramref name="size"/> bytes at <paramref name="offset"/>, which lie inside the file.</summary>
    public uint Compute(ulong offset, ulong size)
    {
        uint running = Crc32C.Initial;
        for (ulong done = 0; done < size;)
        {
            int count = (int)Math.Min(ChunkSize, size - done);
            running = Crc32C.Append(running, Read((long)(offset + done), count));
            done += (ulong)count;
        }

        return Crc32C.Finish(running);
    }

    public void Dispose()
    {
        direct?.Dispose();
        direct = null;
        if (alignedChunk is not null)
        {
            NativeMemory.AlignedFree(alignedChunk);
            alignedChunk = null;
        }
    }

    /// <summary>The same file opened again, read-only and O_DIRECT; null where that is not possible.</summary>
    private static SafeFileHandle? ReopenDirect(Stream stream)
    {
        if (stream is not FileStream { SafeFileHandle: { IsInvalid: false } handle })
        {
            return null;
        }

        using var fd = new Interop.BorrowedDescriptor(handle);
        return Interop.Libc.TryOpen($"/proc/self/fd/{fd.Fd}", OpenFlags.ReadOnly | OpenFlags.CloseOnExec | OpenFlags.Direct, out _);
    }

    private ReadOnlySpan<byte> Read(long offset, int count)
    {
        if (direct is not null && count % Alignment == 0 && offset % Alignment == 0)
        {
            var span = new Span<byte>(alignedChunk, count);
            try
            {
                if (RandomAccess.Read(direct, span, offset) == count)
                {
                    return span;
                }
            }
            catch (IOException)
            {
                // the file system refused the direct read: the stream says what is wrong, if anything is
            }
        }

        chunk ??= new byte[ChunkSize];
        var buffered = chunk.AsSpan(0, count);
        file.Read(offset, buffered);
        return buffered;
    }
}
