using System.Collections;

namespace KCkpt.Cli.Restore;

/// <summary>
/// What checkpt restore uses of the process it runs in: the environment (passed on to kckpt-restore, which
/// KCKPT_RESTORE may name), the directories to look for kckpt-restore in when it does not, how checkpt
/// becomes or starts the helper, how it asks the kernel whether it would restore an image, and how it becomes
/// an image's owner (--as-owner).
/// </summary>
internal sealed record RestoreHost(
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyList<string> HelperDirectories,
    IProcessReplacer Replacer,
    IProcessStarter Starter,
    IKernelRestoreCheck Kernel,
    IOwnerSwitch Owner)
{
    /// <summary>Where `make install` puts checkpt and kckpt-restore.</summary>
    public const string InstallDirectory = "/usr/local/lib/kckpt";

    /// <summary>
    /// This process: its environment; kckpt-restore beside checkpt, else installed; execve and posix_spawn;
    /// /dev/kckpt; its own credentials.
    /// </summary>
    public static RestoreHost Current => new(
        CurrentVariables(),
        [.. ProgramDirectories().Append(InstallDirectory).Distinct()],
        new ExecveReplacer(),
        new SessionStarter(),
        new KernelRestoreCheck(),
        new OwnerSwitch());

    /// <summary>The environment as execve's envp: NAME=VALUE, sorted by name.</summary>
    public IReadOnlyList<string> EnvironmentStrings => [.. Variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")];

    private static Dictionary<string, string> CurrentVariables() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty);

    /// <summary>
    /// The directory of the running executable with symlinks resolved (/usr/local/bin/checkpt is a link to
    /// /usr/local/lib/kckpt/checkpt), then the one checkpt.dll is in, for `dotnet checkpt.dll` (whose executable,
    /// dotnet, is not looked beside).
    /// </summary>
    private static List<string> ProgramDirectories()
    {
        var directories = new List<string>();
        if (Environment.ProcessPath is { } program)
        {
            string resolved = new FileInfo(program).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? program;
            if (Path.GetFileName(resolved) != "dotnet")
            {
                directories.Add(Path.GetDirectoryName(resolved)!);
            }
        }

        directories.Add(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        return directories;
    }
}
