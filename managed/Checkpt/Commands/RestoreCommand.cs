using KCkpt.Cli.Restore;
using KCkpt.Errors;
using KCkpt.Image;
using KCkpt.Restorability;

namespace KCkpt.Cli.Commands;

/// <summary>
/// checkpt restore: checks the image (this machine's part, then the kernel's own verdict: a dry-run
/// RESTORE_BEGIN), then becomes the restored process by executing kckpt-restore in this very process (same pid,
/// terminal and process group, so job control works), or with --detach starts it in a session of its own and
/// writes its pid; --same-pid has the helper restore it as a child under the pid in the image. With --as-owner,
/// root first becomes the image's owner (every uid and gid, no groups): the restore, the pid file and the helper
/// run as that user. Every refusal is exit code 5.
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
        // Read before any switch: the vdso is read through /proc/self/mem, which a switch makes root's.
        var facts = HostFacts.Current;
        var image = RestorePreflight.Load(options.File);
        if (options.AsOwner && host.Owner.BecomeOwner(image.Header.Uid, image.Header.Gid) is { } switchProblem)
        {
            throw new RestoreFailedException(options.File, switchProblem);
        }

        RestorePreflight.Check(options.File, image, facts, HostFile.Stat, path => KernelRefusals(host, image, path));
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
        { AsOwner: true, SamePid: true } => "--same-pid needs root's CAP_CHECKPOINT_RESTORE, which --as-owner gives up",
        _ => null,
    };

    /// <summary>The kernel's reason, and what it cannot know: the option that restores another user's image as root.</summary>
    private IReadOnlyList<string> KernelRefusals(RestoreHost host, CheckpointImage image, string path)
    {
        if (host.Kernel.Refusal(path) is not { } reason)
        {
            return [];
        }

        var header = image.Header;
        return !options.AsOwner && host.Owner.EffectiveUid == 0 && (header.Uid, header.Gid) != (0, 0)
            ? [reason, $"it is uid {header.Uid}'s image: root restores it only as its owner, with checkpt -r --as-owner {path}"]
            : [reason];
    }

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
