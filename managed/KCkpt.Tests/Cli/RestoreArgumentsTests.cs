using CommandLine;
using KCkpt.Cli;
using KCkpt.Cli.Commands;

namespace KCkpt.Tests.Cli;

/// <summary>checkpt restore's command line; a usage error stops it before the image is even looked at.</summary>
public sealed class RestoreArgumentsTests
{
    private readonly RecordingReplacer replacer = new();
    private readonly RecordingStarter starter = new();

    [Fact]
    public void DragonFlyShortFormDashRIsRestore()
    {
        var options = CliParser.Parse(["-r", "x.ckpt"]).Should().BeOfType<Parsed<object>>()
            .Which.Value.Should().BeOfType<RestoreOptions>().Subject;

        options.Should().BeEquivalentTo(new { File = "x.ckpt", ResumeCode = (long?)null, Detach = false, PidFile = (string?)null, Quiet = false });
    }

    [Fact]
    public void ShortFormTakesTheRestoreOptions()
    {
        var options = CliParser.Parse(["-r", "x.ckpt", "--resume-code", "7", "--detach", "--pidfile", "x.pid", "-q"])
            .Should().BeOfType<Parsed<object>>().Which.Value.Should().BeOfType<RestoreOptions>().Subject;

        options.Should().BeEquivalentTo(new { File = "x.ckpt", ResumeCode = 7L, Detach = true, PidFile = "x.pid", Quiet = true });
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2147483648")]
    [InlineData("abc")]
    public void ResumeCodeOutsideOneToIntMaxIsAUsageError(string code)
    {
        var run = Run("-r", "/nonexistent.ckpt", "--resume-code", code);

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().NotBeEmpty().And.NotContain("cannot restore", "the usage error comes before the image");
        replacer.Runs.Should().BeEmpty();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2147483648")]
    public void ResumeCodeOutOfRangeSaysTheRange(string code)
    {
        Run("-r", "/nonexistent.ckpt", "--resume-code", code).Should().Be(
            new CliRun(2, string.Empty, $"checkpt: --resume-code must be from 1 to 2147483647, not {code}{Environment.NewLine}"));
    }

    [Fact]
    public void DetachWithoutPidfileIsAUsageError()
    {
        Run("-r", "/nonexistent.ckpt", "--detach").Should().Be(new CliRun(
            2, string.Empty, $"checkpt: --detach needs --pidfile PIDFILE, where the restored process's pid goes{Environment.NewLine}"));
        starter.Runs.Should().BeEmpty();
    }

    [Fact]
    public void PidfileWithoutDetachIsAUsageError()
    {
        Run("-r", "/nonexistent.ckpt", "--pidfile", "/tmp/x.pid").Should().Be(
            new CliRun(2, string.Empty, $"checkpt: --pidfile goes with --detach{Environment.NewLine}"));
    }

    [Fact]
    public void RestoreWithoutFileIsAUsageError()
    {
        var run = Run("-r");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("FILE");
    }

    [Fact]
    public void HelpListsRestoreWithItsShortForm()
    {
        var run = CliRun.Of("--help");

        run.ExitCode.Should().Be(0);
        run.Out.Should().MatchRegex(@"\n\s*restore\s+Restore a process from an image").And.Contain("checkpt -r FILE");
    }

    [Fact]
    public void RestoreHelpListsItsOptionsAndExitCodeFive()
    {
        var run = CliRun.Of("restore", "--help");

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("--resume-code").And.Contain("--detach").And.Contain("--pidfile").And.Contain("--quiet")
            .And.Contain("5  restore failed");
    }

    private CliRun Run(params string[] args) => CliRun.WithRestoreHost(TestRestoreHost.With(replacer: replacer, starter: starter), args);
}
