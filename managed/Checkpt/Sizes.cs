using System.Globalization;

namespace KCkpt.Cli;

/// <summary>Byte counts as people read them.</summary>
internal static class Sizes
{
    private const double MebiByte = 1 << 20;

    /// <summary>"12.3 MiB", "0.02 MiB", "512 MiB".</summary>
    public static string MiB(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / MebiByte:0.##} MiB");
}
