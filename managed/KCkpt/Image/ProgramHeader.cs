namespace KCkpt.Image;

/// <summary>
/// One Elf64_Phdr of an image: a PT_LOAD (memory, with data or a gap) or the PT_NOTE segment;
/// <paramref name="EntryOffset"/> is where the entry itself lies in the file.
/// </summary>
public sealed record ProgramHeader(
    int Index, long EntryOffset, uint Type, uint Flags, ulong Offset, ulong VirtualAddress, ulong FileSize, ulong MemorySize, ulong Align)
{
    /// <summary>A PT_LOAD that carries page data in the file (not a p_filesz == 0 gap).</summary>
    public bool IsDataLoad => Type == Elf.PtLoad && FileSize != 0;
}
