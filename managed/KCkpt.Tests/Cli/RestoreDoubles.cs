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

/// <summary>Answers the kernel's dry run as told: null (it would restore) unless given a reason.</summary>
internal sealed class FixedKernel(string? refusal = null, List<string>? log = null) : IKernelRestoreCheck
{
    public List<string> Asked { get; } = log ?? [];

    public string? Refusal(string image)
    {
        Asked.Add($"kernel {image}");
        return refusal;
    }
}

/// <summary>Credentials for tests: an effective uid, and the switches asked for (answered with a problem, if given).</summary>
internal sealed class RecordingOwnerSwitch(uint effectiveUid = 1000, string? problem = null, List<string>? log = null) : IOwnerSwitch
{
    public List<string> Switches { get; } = log ?? [];

    public uint EffectiveUid { get; } = effectiveUid;

    public string? BecomeOwner(uint uid, uint gid)
    {
        Switches.Add($"switch {uid}:{gid}");
        return problem;
    }
}

/// <summary>Restore hosts for tests: chosen variables and helper directories, recording doubles by default.</summary>
internal static class TestRestoreHost
{
    public static RestoreHost With(
        IReadOnlyDictionary<string, string>? variables = null,
        IReadOnlyList<string>? helperDirectories = null,
        IProcessReplacer? replacer = null,
        IProcessStarter? starter = null,
        IKernelRestoreCheck? kernel = null,
        IOwnerSwitch? owner = null) =>
        new(
            variables ?? new Dictionary<string, string>(),
            helperDirectories ?? [],
            replacer ?? new RecordingReplacer(),
            starter ?? new RecordingStarter(),
            kernel ?? new FixedKernel(),
            owner ?? new RecordingOwnerSwitch());

    /// <summary>A host whose KCKPT_RESTORE names <paramref name="helper"/>.</summary>
    public static RestoreHost Naming(
        string helper, IProcessReplacer? replacer = null, IProcessStarter? starter = null, IKernelRestoreCheck? kernel = null, IOwnerSwitch? owner = null) =>
        With(new Dictionary<string, string> { ["KCKPT_RESTORE"] = helper, ["KCKPT_TEST"] = "passed on" }, replacer: replacer, starter: starter, kernel: kernel, owner: owner);
}
