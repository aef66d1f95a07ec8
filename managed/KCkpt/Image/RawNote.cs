namespace KCkpt.Image;

/// <summary>One ELF note as found in a PT_NOTE segment: owner name, type and descriptor, and where the descriptor lies.</summary>
internal sealed record RawNote(string Name, uint Type, long DescriptorOffset, ReadOnlyMemory<byte> Descriptor)
{
    public bool IsKckpt => Name == Interop.Uapi.NoteName;

    public bool IsCore => Name == Elf.CoreNoteName;
}
