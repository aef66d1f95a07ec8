using KCkpt.Checkpointing;
using KCkpt.Cli.Request;
using KCkpt.Requesting;

namespace KCkpt.Cli.Commands;

/// <summary>
/// checkpt request (checkpt -s): KCKPT_IOC_REQUEST on a process, which acts by its disposition of SIGCKPT; prints
/// in one line what it did. Refusals and failures exit as dump's do.
/// </summary>
internal sealed class RequestCommand(RequestOptions options) : ICommand
{
    public int Execute(CommandContext context)
    {
        if (options.Pid <= 0)
        {
            context.Error.WriteLine($"checkpt: PID must be a positive process id, not {options.Pid}");
            return ExitCodes.Usage;
        }

        using var target = TargetProcess.Open(options.Pid);
        using var device = KckptDevice.Open(context.DevicePath);
        var result = device.Request(target, options.Exit);
        if (!options.Quiet)
        {
            int? signal = RequestSettings.Read().SignalFor(options.Exit);
            context.Out.WriteLine(RequestReport.Describe(target.ToString(), result, signal, options.Exit));
        }

        return ExitCodes.Ok;
    }
}
