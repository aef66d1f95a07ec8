using System.Globalization;
using KCkpt.Cli.Commands;
using KCkpt.Cli.Request;
using KCkpt.Requesting;

namespace KCkpt.Tests.Cli;

/// <summary>checkpt request without a kernel module: the line for each action, and the failures before and at the ioctl.</summary>
public sealed class RequestCommandTests : IDisposable
{
    private readonly ScratchDirectory deviceDir = new();

    public void Dispose() => deviceDir.Dispose();

    private static string Pid => Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    private static string Comm => File.ReadAllText("/proc/self/comm").TrimEnd('\n');

    [Fact]
    public void HandlerGotTheSignal()
    {
        RequestReport.Describe("123 (daemon)", RequestResult.Signalled, 63, exit: false)
            .Should().Be("checkpt: 123 (daemon) has a SIGCKPT handler: sent it signal 63");
    }

    [Fact]
    public void HandlerOfSigckptExitGotThatSignal()
    {
        RequestReport.Describe("123 (daemon)", RequestResult.Signalled, 64, exit: true)
            .Should().Be("checkpt: 123 (daemon) has a SIGCKPTEXIT handler: sent it signal 64");
    }

    [Fact]
    public void UnknownSignalNumberIsNamed()
    {
        RequestReport.Describe("123 (daemon)", RequestResult.Signalled, null, exit: false)
            .Should().Be("checkpt: 123 (daemon) has a SIGCKPT handler: sent it SIGCKPT");
    }

    [Fact]
    public void DefaultDispositionCheckpointedItselfWithPathAndSize()
    {
        var result = RequestResult.Checkpointed("/home/u/sleep.ckpt", 12_897_484);

        RequestReport.Describe("77 (sleep)", result, 63, exit: false)
            .Should().Be("checkpt: 77 (sleep) checkpointed itself to /home/u/sleep.ckpt (12.3 MiB)");
    }

    [Fact]
    public void ExitRequestSaysTheProcessExited()
    {
        var result = RequestResult.Checkpointed("/tmp/sleep.ckpt", 1 << 20);

        RequestReport.Describe("77 (sleep)", result, 64, exit: true)
            .Should().Be("checkpt: 77 (sleep) checkpointed itself to /tmp/sleep.ckpt (1 MiB) and exited");
    }

    [Fact]
    public void IgnoredRequestDidNothing()
    {
        RequestReport.Describe("9 (x)", RequestResult.Ignored, 63, exit: false)
            .Should().Be("checkpt: 9 (x) ignores SIGCKPT: nothing done");
        RequestReport.Describe("9 (x)", RequestResult.Ignored, 64, exit: true)
            .Should().Be("checkpt: 9 (x) ignores SIGCKPTEXIT: nothing done");
    }

    [Fact]
    public void MissingDeviceExitsThree()
    {
        var run = CliRun.WithDevice(Path.Combine(deviceDir.Path, "kckpt"), "-s", Pid);

        run.ExitCode.Should().Be(3);
        run.Out.Should().BeEmpty();
        run.Error.Should().StartWith("checkpt: the kckpt kernel module is not loaded");
    }

    [Fact]
    public void DeviceWithoutTheIoctlExitsEightNamingIt()
    {
        string notADevice = Path.Combine(deviceDir.Path, "plain-file");
        File.WriteAllText(notADevice, string.Empty);

        var run = CliRun.WithDevice(notADevice, "request", Pid, "--exit");

        run.Should().Be(new CliRun(
            8,
            string.Empty,
            $"checkpt: cannot checkpoint {Pid} ({Comm}): Inappropriate ioctl for device (errno 25): {notADevice} does not know "
            + $"KCKPT_IOC_REQUEST; load the kckpt module of this KCkpt release{Environment.NewLine}"));
    }

    [Fact]
    public void MissingProcessExitsOne()
    {
        var run = CliRun.Of("-s", "999999999");

        run.Should().Be(new CliRun(1, string.Empty, $"checkpt: no such process: 999999999{Environment.NewLine}"));
    }
}
