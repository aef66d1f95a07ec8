namespace KCkpt.Image;

/// <summary>One entry of KCKPT_NT_SEGMENTS (struct kckpt_segment): a data PT_LOAD and the crc32c of its bytes.</summary>
public sealed record ImageSegment(int Index, ulong VirtualAddress, ulong Offset, ulong Size, uint Crc32c, uint ProgramHeaderIndex);
