using System.Buffers.Binary;

namespace KCkpt.Tests.Image;

/// <summary>Damages images at random, mostly where the structure is (ELF header, notes, program header table).</summary>
internal sealed class ImageMutator(Random random)
{
    private static readonly ulong[] InterestingValues =
    [
        0, 1, 2, 3, 4, 7, 8, 0x7f, 0x80, 0xff, 0x100, 0xfff, 0x1000, 0x1001, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
        0xfffffffe, 0xffffffff, 0x100000000, long.MaxValue, 0x8000000000000000, ulong.MaxValue - 1, ulong.MaxValue,
    ];

    public (byte[] Bytes, string Description) Mutate(BuiltImage image)
    {
        var bytes = (byte[])image.Bytes.Clone();
        int rounds = random.Next(1, 4);
        var description = new List<string>();
        for (int round = 0; round < rounds; round++)
        {
            switch (random.Next(10))
            {
                case 0:
                    int length = random.Next(bytes.Length);
                    bytes = bytes[..length];
                    description.Add($"truncate to {length}");
                    break;
                case 1:
                case 2:
                    int anywhere = random.Next(bytes.Length);
                    bytes[anywhere] ^= (byte)(1 << random.Next(8));
                    description.Add($"flip a bit at {anywhere}");
                    break;
                case 3:
                case 4:
                    int flip = StructuredOffset(image, bytes.Length, 1);
                    bytes[flip] ^= (byte)random.Next(1, 256);
                    description.Add($"change the byte at {flip}");
                    break;
                default:
                    int width = random.Next(2) == 0 ? 4 : 8;
                    int at = StructuredOffset(image, bytes.Length, width) & ~(width - 1);
                    ulong value = Value(bytes.Length);
                    if (at + width <= bytes.Length)
                    {
                        if (width == 4)
                        {
                            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), (uint)value);
                        }
                        else
                        {
                            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), value);
                        }

                        description.Add($"write {width} bytes 0x{value:x} at {at}");
                    }

                    break;
            }
        }

        return (bytes, string.Join("; ", description));
    }

    /// <summary>An offset inside the ELF header, the notes or the program header table, clamped to the current length.</summary>
    private int StructuredOffset(BuiltImage image, int length, int width)
    {
        long notesStart = image.Notes[0].HeaderOffset;
        (long Start, long End) region = random.Next(3) switch
        {
            0 => (0, 64),
            1 => (notesStart, image.ProgramHeaderTableOffset),
            _ => (image.ProgramHeaderTableOffset, image.Bytes.Length),
        };
        long offset = random.NextInt64(region.Start, region.End);
        return (int)Math.Max(0, Math.Min(offset, length - width));
    }

    private ulong Value(int length) => random.Next(4) switch
    {
        0 => (ulong)random.NextInt64(),
        1 => (ulong)(length + random.Next(-8, 9)),
        _ => InterestingValues[random.Next(InterestingValues.Length)],
    };
}
