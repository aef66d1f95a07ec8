using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KCkpt.Image;

/// <summary>Reads the fixed structures and variable parts of one note's descriptor, failing with the note's offset.</summary>
internal readonly struct NoteDescriptor(ImageFile file, RawNote note, string noteName)
{
    public ReadOnlySpan<byte> Bytes => note.Descriptor.Span;

    public long Offset => note.DescriptorOffset;

    /// <summary>The structure at the start of the descriptor; a longer descriptor is a newer format and fine.</summary>
    public T Struct<T>(string cName)
        where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        if (note.Descriptor.Length < size)
        {
            throw Error($"its descriptor is {note.Descriptor.Length} bytes, shorter than {cName} ({size} bytes)");
        }

        return MemoryMarshal.Read<T>(Bytes);
    }

    /// <summary>
    /// The structure at the start of the descriptor, which may be shorter, down to <paramref name="minSize"/> bytes
    /// (an older writer's structure: the fields it lacks read as zero), or longer (a newer one).
    /// </summary>
    public T Struct<T>(string cName, int minSize)
        where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        if (note.Descriptor.Length < minSize)
        {
            throw Error($"its descriptor is {note.Descriptor.Length} bytes, shorter than the first {cName} ({minSize} bytes)");
        }

        Span<byte> whole = stackalloc byte[size];
        whole.Clear();
        Bytes[..Math.Min(size, Bytes.Length)].CopyTo(whole);
        return MemoryMarshal.Read<T>(whole);
    }

    /// <summary>An array of <typeparamref name="T"/> filling the whole descriptor.</summary>
    public T[] Array<T>(string cName)
        where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        if (note.Descriptor.Length % size != 0)
        {
            throw Error($"its descriptor is {note.Descriptor.Length} bytes, not a whole number of {cName} ({size} bytes each)");
        }

        return MemoryMarshal.Cast<byte, T>(Bytes).ToArray();
    }

    /// <summary>The NUL-terminated string of <paramref name="length"/> bytes at <paramref name="start"/>, or null when the length is 0.</summary>
    public string? Path(int start, int length, string what)
    {
        if (length == 0)
        {
            return null;
        }

        var bytes = Bytes.Slice(start, length);
        if (bytes[^1] != 0)
        {
            throw Error($"its {what} is not NUL-terminated");
        }

        return Interop.CString.Decode(bytes);
    }

    public ImageFormatException Error(string problem) => file.Error(Offset, $"{noteName} note: {problem}");
}
