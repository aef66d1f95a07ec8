using CommandLine;
using KCkpt.Cli;
using KCkpt.Cli.Commands;

namespace KCkpt.Tests.Cli;

public sealed class ArgumentParsingTests
{
    [Fact]
    public void StatusVerbParsesIntoStatusOptions()
    {
        CliParser.Parse(["status"]).Should().BeOfType<Parsed<object>>()
            .Which.Value.Should().BeOfType<StatusOptions>();
    }

    [Fact]
    public void VersionOptionPrintsTheVersionFileOnStdoutAndExitsZero()
    {
        string version = File.ReadAllText(RepoRoot.File("VERSION")).Trim();

        var run = CliRun.Of("--version");

        run.Should().Be(new CliRun(0, $"checkpt {version}{Environment.NewLine}", string.Empty));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public void HelpListsVerbsAndExitCodesOnStdoutAndExitsZero(string helpArg)
    {
        var run = CliRun.Of(helpArg);

        run.ExitCode.Should().Be(0);
        run.Error.Should().BeEmpty();
        run.Out.Should().Contain("status").And.Contain("Exit codes:").And.Contain("3  the kckpt kernel module is not loaded");
    }

    [Theory]
    [InlineData("help", "status")]
    [InlineData("status", "--help")]
    public void VerbHelpGoesToStdoutAndExitsZero(params string[] args)
    {
        var run = CliRun.Of(args);

        run.ExitCode.Should().Be(0);
        run.Error.Should().BeEmpty();
        run.Out.Should().Contain("--help").And.Contain("Exit codes:");
    }

    [Fact]
    public void UnknownVerbPrintsErrorAndVerbListOnStderrAndExitsTwo()
    {
        var run = CliRun.Of("bogus");

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("Verb 'bogus' is not recognized").And.Contain("status");
    }

    [Fact]
    public void UnknownOptionPrintsErrorOnStderrAndExitsTwo()
    {
        var run = CliRun.Of("status", "--bogus");

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("Option 'bogus' is unknown");
    }

    [Fact]
    public void NoVerbIsAUsageErrorAndExitsTwo()
    {
        var run = CliRun.Of();

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("No verb selected").And.Contain("status");
    }
}
