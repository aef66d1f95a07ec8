namespace KCkpt.Image;

/// <summary>A mapping's protection: the PROT_* bits of mmap(2).</summary>
[Flags]
public enum MappingProtection : uint
{
    None = 0,
    Read = 0x1,
    Write = 0x2,
    Execute = 0x4,
}
