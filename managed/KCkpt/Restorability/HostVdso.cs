using System.Globalization;
using KCkpt.Image;

namespace KCkpt.Restorability;

/// <summary>The vdso of this process: its crc32c identifies the running kernel's build, as kckpt_image_hdr.vdso_crc32c does.</summary>
public static class HostVdso
{
    private const string MapsPath = "/proc/self/maps";
    private const string MemPath = "/proc/self/mem";

    /// <summary>crc32c of the [vdso] mapping, read through /proc/self/mem; null when the process has no vdso.</summary>
    public static uint? Crc32c()
    {
        if (FindVdso(File.ReadLines(MapsPath)) is not { } range)
        {
            return null;
        }

        var (start, end) = range;
        var bytes = new byte[checked((int)(end - start))];
        using var mem = File.OpenHandle(MemPath, FileMode.Open, FileAccess.Read);
        int read = RandomAccess.Read(mem, bytes, checked((long)start));
        if (read != bytes.Length)
        {
            throw new IOException($"{MemPath}: read {read} of the vdso's {bytes.Length} bytes");
        }

        return Crc32C.Compute(bytes);
    }

    /// <summary>The address range of the line of /proc/PID/maps that ends in [vdso].</summary>
    internal static (ulong Start, ulong End)? FindVdso(IEnumerable<string> mapsLines)
    {
        foreach (string line in mapsLines)
        {
            if (!line.EndsWith("[vdso]", StringComparison.Ordinal))
            {
                continue;
            }

            string range = line[..line.IndexOf(' ', StringComparison.Ordinal)];
            int dash = range.IndexOf('-', StringComparison.Ordinal);
            return (ulong.Parse(range[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    ulong.Parse(range[(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        return null;
    }
}
