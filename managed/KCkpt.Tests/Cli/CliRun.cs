using KCkpt.Cli;
using KCkpt.Interop;

namespace KCkpt.Tests.Cli;

/// <summary>One in-process run of checkpt: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args) => WithDevice(Uapi.DevicePath, args);

    public static CliRun WithDevice(string devicePath, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = new CliApp(devicePath).Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
