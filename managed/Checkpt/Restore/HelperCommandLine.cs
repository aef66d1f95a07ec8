using System.Globalization;

namespace KCkpt.Cli.Restore;

/// <summary>kckpt-restore's argv: [helper, (--resume-code N), IMAGE].</summary>
internal static class HelperCommandLine
{
    public static IReadOnlyList<string> For(string helper, string image, int? resumeCode) => resumeCode is { } code
        ? [helper, "--resume-code", code.ToString(CultureInfo.InvariantCulture), image]
        : [helper, image];
}
