using System.Buffers.Binary;
using System.Runtime.Intrinsics.X86;

namespace KCkpt.Image;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78, initial value ~0, final xor ~0): the checksum of the
/// image's segments and of the vdso. Uses the SSE4.2 crc32 instruction when the CPU has it, a table otherwise.
/// </summary>
public static class Crc32C
{
    /// <summary>The running value before the first byte.</summary>
    public const uint Initial = ~0U;

    private const uint ReflectedPolynomial = 0x82F63B78;

    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Initial, data));

    /// <summary>Feeds <paramref name="data"/> into a running value that started at <see cref="Initial"/>.</summary>
    public static uint Append(uint running, ReadOnlySpan<byte> data) =>
        Sse42.IsSupported ? AppendWithSse42(running, data) : AppendWithTable(running, data);

    /// <summary>The checksum of everything appended to <paramref name="running"/>.</summary>
    public static uint Finish(uint running) => ~running;

    internal static uint AppendWithSse42(uint running, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            ulong wide = running;
            for (; data.Length >= sizeof(ulong); data = data[sizeof(ulong)..])
            {
                wide = Sse42.X64.Crc32(wide, BinaryPrimitives.ReadUInt64LittleEndian(data));
            }

            running = (uint)wide;
        }

        foreach (byte b in data)
        {
            running = Sse42.Crc32(running, b);
        }

        return running;
    }

    internal static uint AppendWithTable(uint running, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            running = Table[(byte)(running ^ b)] ^ (running >> 8);
        }

        return running;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < table.Length; i++)
        {
            uint entry = i;
            for (int bit = 0; bit < 8; bit++)
            {
                entry = (entry & 1) != 0 ? (entry >> 1) ^ ReflectedPolynomial : entry >> 1;
            }

            table[i] = entry;
        }

        return table;
    }
}
