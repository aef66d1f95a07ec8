using KCkpt.Cli.Restore;
using KCkpt.Errors;
using KCkpt.Restorability;

namespace KCkpt.Cli.Commands;

/// <summary>
/// checkpt restore: checks the image without the module, then becomes the restored process by executing
/// kckpt-restore in this very process (same pid, terminal and process group, so job control works), or with
/// --detach starts it in a session of its own and writes its pid; --same-pid has the helper restore it as a
/// child under the pid in the image. Every refusal is exit code 5.
/// </summary>
internal sealed class RestoreCommand(RestoreOptions options) : ICommand
{
    public const long MaxResumeCode = int.MaxValue;

    public int Execute(CommandContext context)
    {
        if (UsageProblem() is { } problem)
        {
            context.Error.WriteLine($"checkpt: {problem}");
            return ExitCodes.Usage;
        }

        var host = context.RestoreHost ?? RestoreHost.Current;
        var image = RestorePreflight.Check(options.File, HostFacts.Current, HostFile.Stat);
        int? samePid = options.SamePid ? image.Header.Pid : null;
        string helper = HelperLocator.Find(options.File, host);
        var argv = HelperCommandLine.For(helper, options.File, (int?)options.ResumeCode, samePid);
        return options.Detach
            ? StartDetached(context, host, helper, argv, samePid)
            : BecomeRestoredProcess(context, host, helper, argv);
    }

    private string? UsageProblem() => options switch
    {
        { ResumeCode: < 1 or > MaxResumeCode } => $"--resume-code must be from 1 to {MaxResumeCode}, not {options.ResumeCode}",
        { Detach: true, PidFile: null or "" } => "--detach needs --pidfile PIDFILE, where the restored process's pid goes",
        { Detach: false, PidFile: not null } => "--pidfile goes with --detach",
        _ => null,
    };

    private int BecomeRestoredProcess(CommandContext context, RestoreHost host, string helper, IReadOnlyList<string> argv)
    {
        context.Out.Flush();
        context.Error.Flush();
        try
        {
            host.Replacer.Replace(helper, argv, host.EnvironmentStrings);
        }
        catch (KckptException e)
        {
            throw new RestoreFailedException(options.File, e.Message, e.Errno);
        }

        // Only a test double returns: the real replacer either is gone with this process or throws.
        return ExitCodes.Ok;
    }

    /// <summary>With <paramref name="samePid"/>, the helper's child is the restored process, under that pid.</summary>
    private int StartDetached(CommandContext context, RestoreHost host, string helper, IReadOnlyList<string> argv, int? samePid)
    {
        using var pidFile = PendingPidFile.Create(options.PidFile!, options.File);
        int pid;
        try
        {
            pid = host.Starter.Start(helper, argv, host.EnvironmentStrings);
        }
        catch (KckptException e)
        {
            throw new RestoreFailedException(options.File, e.Message, e.Errno);
        }

        pid = samePid ?? pid;
        pidFile.Commit(pid);
        if (!options.Quiet)
        {
            context.Out.WriteLine($"checkpt: restored {options.File} as pid {pid}");
        }

        return ExitCodes.Ok;
    }
}
