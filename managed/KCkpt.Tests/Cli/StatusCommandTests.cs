using KCkpt.Cli.Commands;
using static KCkpt.Tests.TextLines;

namespace KCkpt.Tests.Cli;

public sealed class StatusCommandTests : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("kckpt-status-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Fact]
    public void StatusWithoutDeviceExitsThreeWithOnePlainMessage()
    {
        string missing = Path.Combine(scratch.FullName, "kckpt");

        var run = CliRun.WithDevice(missing, "status");

        run.Should().Be(new CliRun(
            3,
            string.Empty,
            $"checkpt: the kckpt kernel module is not loaded ({missing} is missing). "
            + "Load it with 'sudo modprobe kckpt' (or 'sudo insmod build/$(uname -r)/kckpt.ko' from a source tree)."
            + Environment.NewLine));
    }

    [Fact]
    public void StatusOnAFileThatIsNotTheDeviceReportsTheFailedIoctlAndExitsOne()
    {
        string notADevice = Path.Combine(scratch.FullName, "plain-file");
        File.WriteAllText(notADevice, string.Empty);

        var run = CliRun.WithDevice(notADevice, "status");

        run.Should().Be(new CliRun(
            1,
            string.Empty,
            $"checkpt: KCKPT_IOC_VERSION on {notADevice}: Inappropriate ioctl for device (errno 25){Environment.NewLine}"));
    }

    [Fact]
    public void ReportShowsVersionsFeatureNamesAndKernel()
    {
        var module = new ModuleVersionInfo(1, "0.1.0", "6.1.0-56-amd64", ModuleFeatures.Checkpoint | ModuleFeatures.Restore);
        using var output = new StringWriter();

        StatusCommand.WriteReport(output, "/dev/kckpt", module, "6.12.38+deb12-amd64");

        output.ToString().Should().Be(Lines(
            "kckpt module: loaded (/dev/kckpt)",
            "ABI version:  1 (this checkpt speaks 1)",
            "module:       0.1.0",
            "features:     checkpoint, restore",
            "kernel:       6.12.38+deb12-amd64"));
    }

    [Fact]
    public void ReportSaysNoneWithoutFeatures()
    {
        using var output = new StringWriter();

        StatusCommand.WriteReport(output, "/dev/kckpt", new ModuleVersionInfo(1, "0.1.0", "6.1.0-56-amd64", 0), "6.1.0-56-amd64");

        output.ToString().Should().Contain(Lines("features:     none"));
    }
}
