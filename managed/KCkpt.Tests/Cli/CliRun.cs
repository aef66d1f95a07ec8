using KCkpt.Cli;
using KCkpt.Cli.Restore;

namespace KCkpt.Tests.Cli;

/// <summary>One in-process run of checkpt: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args) => WithDevice(KckptDevice.DefaultPath, args);

    public static CliRun WithDevice(string devicePath, params string[] args) => Run(new CliApp(devicePath), args);

    /// <summary>A run whose restore uses <paramref name="host"/> instead of this process's environment, execve and posix_spawn.</summary>
    public static CliRun WithRestoreHost(RestoreHost host, params string[] args) => Run(new CliApp(KckptDevice.DefaultPath, restoreHost: host), args);

    private static CliRun Run(CliApp app, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = app.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
