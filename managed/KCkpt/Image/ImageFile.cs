using KCkpt.Errors;

namespace KCkpt.Image;

/// <summary>
/// The bytes of an image being read: every read is checked against the file's length first, and every
/// problem becomes an <see cref="ImageFormatException"/> naming the image and the offset.
/// </summary>
internal sealed class ImageFile(Stream stream, string name)
{
    public string Name { get; } = name;

    public long Length { get; } = stream.Length;

    /// <summary>Whether [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="size"/>) lies inside the file.</summary>
    public bool Contains(ulong offset, ulong size) => offset <= (ulong)Length && size <= (ulong)Length - offset;

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>, which the caller checked with <see cref="Contains"/>.</summary>
    public byte[] Read(long offset, int count)
    {
        var buffer = new byte[count];
        Read(offset, buffer);
        return buffer;
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>, which the caller checked with <see cref="Contains"/>.</summary>
    public void Read(long offset, Span<byte> buffer)
    {
        try
        {
            stream.Seek(offset, SeekOrigin.Begin);
            stream.ReadExactly(buffer);
        }
        catch (IOException e)
        {
            throw new KckptException($"cannot read {Name}: {e.Message}");
        }
    }

    public ImageFormatException Error(long offset, string problem) => new(Name, offset, problem);

    public ImageFormatException Error(ulong offset, string problem) => new(Name, (long)Math.Min(offset, long.MaxValue), problem);
}
