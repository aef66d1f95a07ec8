using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.Intrinsics.X86;

namespace KCkpt.Image;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78, initial value ~0, final xor ~0): the checksum of the
/// image's segments and of the vdso. Two implementations, as in kckpt.ko: the SSE4.2 crc32 instruction and
/// slice-by-8 tables; the first use times both on a few pages and keeps the faster. On hardware crc32 wins several
/// times over; a CPU that emulates it one bit at a time (qemu's TCG, as in the test VMs) makes the tables win.
/// </summary>
public static class Crc32C
{
    /// <summary>The running value before the first byte.</summary>
    public const uint Initial = ~0U;

    private const uint ReflectedPolynomial = 0x82F63B78;

    private const int ProbeBytes = 16 << 10;

    /// <summary>tables[k * 256 + b]: the CRC of byte b followed by k zero bytes (slice-by-8).</summary>
    private static readonly uint[] Tables = BuildTables();

    private static readonly bool UseSse42 = Sse42.X64.IsSupported && Sse42IsFaster();

    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Initial, data));

    /// <summary>Feeds <paramref name="data"/> into a running value that started at <see cref="Initial"/>.</summary>
    public static uint Append(uint running, ReadOnlySpan<byte> data) =>
        UseSse42 ? AppendWithSse42(running, data) : AppendWithTable(running, data);

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
        uint[] t = Tables;
        for (; data.Length >= sizeof(ulong); data = data[sizeof(ulong)..])
        {
            ulong x = BinaryPrimitives.ReadUInt64LittleEndian(data) ^ running;
            running = t[(7 * 256) + (byte)x] ^ t[(6 * 256) + (byte)(x >> 8)] ^
                      t[(5 * 256) + (byte)(x >> 16)] ^ t[(4 * 256) + (byte)(x >> 24)] ^
                      t[(3 * 256) + (byte)(x >> 32)] ^ t[(2 * 256) + (byte)(x >> 40)] ^
                      t[256 + (byte)(x >> 48)] ^ t[(byte)(x >> 56)];
        }

        foreach (byte b in data)
        {
            running = t[(byte)(running ^ b)] ^ (running >> 8);
        }

        return running;
    }

    private static bool Sse42IsFaster()
    {
        var zeros = new byte[ProbeBytes];
        return BestTicks(() => AppendWithSse42(Initial, zeros)) <= BestTicks(() => AppendWithTable(Initial, zeros));
    }

    /// <summary>The fastest of three runs, in Stopwatch ticks.</summary>
    private static long BestTicks(Func<uint> run)
    {
        long best = long.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            best = Math.Min(best, Stopwatch.GetTimestamp() - start);
        }

        return best;
    }

    private static uint[] BuildTables()
    {
        var t = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            uint entry = i;
            for (int bit = 0; bit < 8; bit++)
            {
                entry = (entry & 1) != 0 ? (entry >> 1) ^ ReflectedPolynomial : entry >> 1;
            }

            t[i] = entry;
        }

        for (int k = 1; k < 8; k++)
        {
            for (int i = 0; i < 256; i++)
            {
                uint previous = t[((k - 1) * 256) + i];
                t[(k * 256) + i] = (previous >> 8) ^ t[(byte)previous];
            }
        }

        return t;
    }
}
