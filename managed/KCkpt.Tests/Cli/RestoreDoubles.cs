using KCkpt.Cli.Restore;
using KCkpt.Errors;

namespace KCkpt.Tests.Cli;

/// <summary>One execve or posix_spawn a double was asked for.</summary>
internal sealed record ProgramRun(string Path, IReadOnlyList<string> Argv, IReadOnlyList<string> Environment);

/// <summary>Records the execve instead of doing it (so the test process stays), or fails it as asked.</summary>
internal sealed class RecordingReplacer : IProcessReplacer
{
    public List<ProgramRun> Runs { get; } = [];

    public KckptException? Failure { get; init; }

    public void Replace(string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment)
    {
        Runs.Add(new ProgramRun(path, [.. argv], [.. environment]));
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}

/// <summary>Records the start of a child and answers a made-up pid.</summary>
internal sealed class RecordingStarter : IProcessStarter
{
    public const int Pid = 31337;

    public List<ProgramRun> Runs { get; } = [];

    public int Start(string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment)
    {
        Runs.Add(new ProgramRun(path, [.. argv], [.. environment]));
        return Pid;
    }
}

/// <summary>Restore hosts for tests: chosen variables and helper directories, recording doubles by default.</summary>
internal static class TestRestoreHost
{
    public static RestoreHost With(
        IReadOnlyDictionary<string, string>? variables = null,
        IReadOnlyList<string>? helperDirectories = null,
        IProcessReplacer? replacer = null,
        IProcessStarter? starter = null) =>
        new(variables ?? new Dictionary<string, string>(), helperDirectories ?? [], replacer ?? new RecordingReplacer(), starter ?? new RecordingStarter());

    /// <summary>A host whose KCKPT_RESTORE names <paramref name="helper"/>.</summary>
    public static RestoreHost Naming(string helper, IProcessReplacer? replacer = null, IProcessStarter? starter = null) =>
        With(new Dictionary<string, string> { ["KCKPT_RESTORE"] = helper, ["KCKPT_TEST"] = "passed on" }, replacer: replacer, starter: starter);
}
