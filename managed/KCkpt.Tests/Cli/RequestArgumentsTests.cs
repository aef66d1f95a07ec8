using CommandLine;
using KCkpt.Cli;
using KCkpt.Cli.Commands;

namespace KCkpt.Tests.Cli;

public sealed class RequestArgumentsTests
{
    [Theory]
    [InlineData("-s")]
    [InlineData("--signal")]
    [InlineData("request")]
    public void ShortLongAndVerbFormsAllBecomeRequest(string form)
    {
        Parsed(form, "123").Should().BeEquivalentTo(new { Pid = 123, Exit = false, Quiet = false });
    }

    [Fact]
    public void ExitAndQuietAreParsed()
    {
        Parsed("-s", "42", "--exit", "--quiet").Should().BeEquivalentTo(new { Pid = 42, Exit = true, Quiet = true });
        Parsed("request", "--exit", "-q", "7").Should().BeEquivalentTo(new { Pid = 7, Exit = true, Quiet = true });
    }

    [Fact]
    public void SignalFlagIsOnlyTranslatedAsTheFirstArgument()
    {
        ShortForms.Translate(["-s", "1", "--exit"]).Should().Equal("request", "1", "--exit");
        ShortForms.Translate(["dump", "-s"]).Should().Equal("dump", "-s");
    }

    [Fact]
    public void MissingPidIsAUsageError()
    {
        CliRun.Of("-s").ExitCode.Should().Be(2);
        CliRun.Of("request").ExitCode.Should().Be(2);
    }

    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        var run = CliRun.Of("-s", "1", "--kill");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("kill");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void NonPositivePidIsAUsageError(string pid)
    {
        var run = CliRun.Of("-s", "--", pid);

        run.Should().Be(new CliRun(2, string.Empty, $"checkpt: PID must be a positive process id, not {pid}{Environment.NewLine}"));
    }

    [Fact]
    public void HelpListsTheRequestVerbWithItsShortForm()
    {
        var run = CliRun.Of("--help");

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("request").And.Contain("checkpt -s PID");
    }

    private static RequestOptions Parsed(params string[] args) =>
        CliParser.Parse(args).Should().BeOfType<Parsed<object>>().Which.Value.Should().BeOfType<RequestOptions>().Subject;
}
