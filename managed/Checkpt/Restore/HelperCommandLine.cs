using System.Globalization;

namespace KCkpt.Cli.Restore;

/// <summary>kckpt-restore's argv: [helper, (--resume-code N), (--pid N), IMAGE].</summary>
internal static class HelperCommandLine
{
    public static IReadOnlyList<string> For(string helper, string image, int? resumeCode, int? pid = null)
    {
        var argv = new List<string> { helper };
        if (resumeCode is { } code)
        {
            argv.AddRange(["--resume-code", code.ToString(CultureInfo.InvariantCulture)]);
        }

        if (pid is { } p)
        {
            argv.AddRange(["--pid", p.ToString(CultureInfo.InvariantCulture)]);
        }

        argv.Add(image);
        return argv;
    }
}
