namespace KCkpt.Image;

/// <summary>One mapping of the process (a KCKPT_NT_VMA note: struct kckpt_vma, path, populated-page bitmap).</summary>
public sealed record MemoryMapping(
    MappingKind Kind,
    MappingProtection Protection,
    MappingFlags Flags,
    ulong Start,
    ulong End,
    ulong FileOffset,
    FileIdentity File,
    ulong SavedPages,
    string? Path,
    byte[] SavedPageBitmap)
{
    public ulong Size => End - Start;

    /// <summary>A MAP_SHARED mapping (of a file or of anonymous memory).</summary>
    public bool IsShared => Kind is MappingKind.FileShared or MappingKind.SharedMemory;

    /// <summary>A mapping of a file that must still be there, unchanged, on restore.</summary>
    public bool MapsFile => Kind is MappingKind.FilePrivate or MappingKind.FileShared && Path is not null;

    /// <summary>Whether page <paramref name="index"/> of the mapping was saved in a segment.</summary>
    public bool IsPageSaved(ulong index) =>
        index / 8 < (ulong)SavedPageBitmap.Length && (SavedPageBitmap[index / 8] & (1 << (int)(index % 8))) != 0;
}
