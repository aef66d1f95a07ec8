using System.Globalization;

namespace KCkpt.Requesting;

/// <summary>
/// The module parameters that decide what a request does (/sys/module/kckpt/parameters/): SIGCKPT, SIGCKPTEXIT and
/// the default image file template. A value that cannot be read is null.
/// </summary>
public sealed record RequestSettings(int? Sigckpt, int? SigckptExit, string? CkptFile)
{
    public const string ParametersDirectory = "/sys/module/kckpt/parameters";

    public static RequestSettings Read(string directory = ParametersDirectory) => new(
        ReadNumber(directory, "sigckpt"),
        ReadNumber(directory, "sigckptexit"),
        ReadText(directory, "ckptfile"));

    /// <summary>The signal a request sends to a process with a handler: SIGCKPTEXIT for <paramref name="exit"/> requests.</summary>
    public int? SignalFor(bool exit) => exit ? SigckptExit : Sigckpt;

    private static int? ReadNumber(string directory, string name) =>
        int.TryParse(ReadText(directory, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;

    private static string? ReadText(string directory, string name)
    {
        try
        {
            return File.ReadAllText(Path.Combine(directory, name)).TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
