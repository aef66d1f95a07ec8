using KCkpt.Checkpointing;
using KCkpt.Cli.Dump;
using KCkpt.Manifest;

namespace KCkpt.Tests.Cli;

/// <summary>checkpt dump without a kernel module: everything up to the ioctl, and the cleanup when it fails.</summary>
public sealed class DumpCommandTests : IDisposable
{
    private readonly ScratchDirectory dir = new();
    private readonly ScratchDirectory deviceDir = new();

    public void Dispose()
    {
        dir.Dispose();
        deviceDir.Dispose();
    }

    private static string Pid => Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Comm => File.ReadAllText("/proc/self/comm").TrimEnd('\n');

    [Fact]
    public void FailedIoctlRemovesTheTempFileAndWritesNoImage()
    {
        string notADevice = Path.Combine(deviceDir.Path, "plain-file");
        File.WriteAllText(notADevice, string.Empty);
        string target = Path.Combine(dir.Path, "x.ckpt");

        var run = CliRun.WithDevice(notADevice, "-c", Pid, "-o", target, "--label", "a=b");

        run.ExitCode.Should().Be(8);
        run.Out.Should().BeEmpty();
        run.Error.Should().Be(
            $"checkpt: cannot checkpoint {Pid} ({Comm}): Inappropriate ioctl for device (errno 25): {notADevice} does not know "
            + $"KCKPT_IOC_CHECKPOINT; load the kckpt module of this KCkpt release{Environment.NewLine}");
        Directory.EnumerateFileSystemEntries(dir.Path).Should().BeEmpty("neither the image nor its temporary file may remain");
    }

    [Fact]
    public void MissingDeviceExitsThreeBeforeCreatingAnything()
    {
        var run = CliRun.WithDevice(Path.Combine(deviceDir.Path, "kckpt"), "dump", Pid, "-o", Path.Combine(dir.Path, "x.ckpt"));

        run.ExitCode.Should().Be(3);
        run.Error.Should().StartWith("checkpt: the kckpt kernel module is not loaded");
        Directory.EnumerateFileSystemEntries(dir.Path).Should().BeEmpty();
    }

    [Fact]
    public void ExistingImageIsRefusedWithoutForce()
    {
        string target = Path.Combine(dir.Path, "x.ckpt");
        File.WriteAllText(target, "older");

        var run = CliRun.WithDevice(Path.Combine(deviceDir.Path, "kckpt"), "dump", Pid, "-o", target);

        run.Should().Be(new CliRun(1, string.Empty, $"checkpt: {target} exists; pass --force to replace it{Environment.NewLine}"));
        File.ReadAllText(target).Should().Be("older");
    }

    [Fact]
    public void MissingProcessExitsOne()
    {
        var run = CliRun.Of("dump", "999999999", "-o", Path.Combine(dir.Path, "x.ckpt"));

        run.Should().Be(new CliRun(1, string.Empty, $"checkpt: no such process: 999999999{Environment.NewLine}"));
    }

    [Fact]
    public void ManifestRecordsToolCommandLineHostPidUserAndLabels()
    {
        using var target = TargetProcess.Open(Environment.ProcessId);
        var now = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var manifest = ManifestFactory.For(target, [new ImageLabel("job=nightly"), new ImageLabel("job=weekly"), new ImageLabel("a=")], now);

        manifest.ToolVersion.Should().Be(File.ReadAllText(RepoRoot.File("VERSION")).Trim());
        manifest.CommandLine.Should().Equal(target.ReadCommandLine());
        manifest.Host.Should().Be(HostKernel.NodeName);
        manifest.CreatedUnixMs.Should().Be(now.ToUnixTimeMilliseconds());
        manifest.TargetPid.Should().Be(Environment.ProcessId);
        manifest.User.Should().Be(Environment.UserName);
        manifest.Labels.Should().BeEquivalentTo(new Dictionary<string, string> { ["job"] = "weekly", ["a"] = "" });
        ImageManifest.Parser.ParseFrom(Google.Protobuf.MessageExtensions.ToByteArray(manifest)).Should().Be(manifest);
    }

    [Fact]
    public void ProgressLineShowsTheFractionAndNeverReachesTheEndEarly()
    {
        ProgressBar.Line(0, 1 << 30).Should().Be("checkpt: writing [------------------------------]      0 MiB of ~1024 MiB");
        ProgressBar.Line(512 << 20, 1 << 30).Should().Be("checkpt: writing [###############---------------]    512 MiB of ~1024 MiB");
        ProgressBar.Line(2L << 30, 1 << 30).Should().StartWith("checkpt: writing [#############################-]");
    }
}
