using System.Runtime.InteropServices;

namespace KCkpt.Cli.Dump;

/// <summary>
/// While alive, Ctrl-C, SIGTERM and SIGHUP remove the partial image before checkpt ends as they would have it end:
/// an interrupted checkpoint leaves no temporary file behind.
/// </summary>
internal sealed class PartialImageRemoval : IDisposable
{
    private readonly PosixSignalRegistration[] registrations;

    public PartialImageRemoval(string path)
    {
        registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => File.Delete(path)))];
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }
}
