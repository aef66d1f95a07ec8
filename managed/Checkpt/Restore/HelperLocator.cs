using KCkpt.Errors;

namespace KCkpt.Cli.Restore;

/// <summary>
/// Finds kckpt-restore: the file KCKPT_RESTORE names when it is set (and only that one: a mistyped name must not
/// quietly run another helper), else the first in the host's helper directories: beside checkpt (`make install`
/// puts both in /usr/local/lib/kckpt), then the installed one.
/// </summary>
internal static class HelperLocator
{
    public const string Variable = "KCKPT_RESTORE";
    public const string FileName = "kckpt-restore";

    /// <summary>The helper to run for <paramref name="image"/>.</summary>
    /// <exception cref="RestoreFailedException">No candidate exists; the message lists where it looked.</exception>
    public static string Find(string image, RestoreHost host)
    {
        if (host.Variables.TryGetValue(Variable, out string? named) && named.Length > 0)
        {
            return File.Exists(named) ? named : throw NotFound(image, $"{named} (from {Variable})");
        }

        var candidates = host.HelperDirectories.Select(d => Path.Combine(d, FileName)).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? throw NotFound(image, string.Join(", ", candidates));
    }

    private static RestoreFailedException NotFound(string image, string lookedIn) =>
        new(image, $"the helper {FileName} was not found (looked in {lookedIn})");
}
