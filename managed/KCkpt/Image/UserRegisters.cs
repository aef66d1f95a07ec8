using System.Buffers.Binary;

namespace KCkpt.Image;

/// <summary>
/// A thread's general registers: struct user_regs_struct of x86_64, as the pr_reg of its CORE NT_PRSTATUS note holds them.
/// </summary>
public sealed record UserRegisters(
    ulong R15, ulong R14, ulong R13, ulong R12, ulong Bp, ulong Bx, ulong R11, ulong R10, ulong R9, ulong R8,
    ulong Ax, ulong Cx, ulong Dx, ulong Si, ulong Di, ulong OrigAx, ulong Ip, ulong Cs, ulong Flags, ulong Sp,
    ulong Ss, ulong FsBase, ulong GsBase, ulong Ds, ulong Es, ulong Fs, ulong Gs)
{
    /// <summary>sizeof(struct elf_prstatus) on x86_64: the shortest NT_PRSTATUS descriptor a reader accepts.</summary>
    public const int PrStatusSize = 336;

    /// <summary>offsetof(struct elf_prstatus, pr_reg) on x86_64.</summary>
    public const int PrRegOffset = 112;

    public const int Count = 27;

    /// <summary>Reads pr_reg from an NT_PRSTATUS descriptor of at least <see cref="PrStatusSize"/> bytes.</summary>
    internal static UserRegisters FromPrStatus(ReadOnlySpan<byte> prstatus)
    {
        var r = new ulong[Count];
        for (int i = 0; i < Count; i++)
        {
            r[i] = BinaryPrimitives.ReadUInt64LittleEndian(prstatus[(PrRegOffset + i * sizeof(ulong))..]);
        }

        return new UserRegisters(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13],
            r[14], r[15], r[16], r[17], r[18], r[19], r[20], r[21], r[22], r[23], r[24], r[25], r[26]);
    }
}
