using CommandLine;
using KCkpt.Cli;
using KCkpt.Cli.Commands;
using KCkpt.Cli.Dump;

namespace KCkpt.Tests.Cli;

public sealed class DumpArgumentsTests
{
    [Fact]
    public void DragonFlyShortFormBecomesDumpWithItsOptions()
    {
        var options = Parsed("-c", "123", "-o", "x.ckpt", "--kill");

        options.Should().BeEquivalentTo(new { Pid = 123, Output = "x.ckpt", Kill = true, Stop = false, Force = false, Quiet = false });
    }

    [Fact]
    public void ShortFormIsOnlyTranslatedAsTheFirstArgument()
    {
        ShortForms.Translate(["-c", "1"]).Should().Equal("dump", "1");
        ShortForms.Translate(["info", "-c"]).Should().Equal("info", "-c");
        ShortForms.Translate([]).Should().BeEmpty();
    }

    [Fact]
    public void DumpVerbTakesThePidAndEveryOption()
    {
        var options = Parsed("dump", "77", "--output", "y.ckpt", "--stop", "--force", "--quiet");

        options.Should().BeEquivalentTo(new { Pid = 77, Output = "y.ckpt", Kill = false, Stop = true, Force = true, Quiet = true });
    }

    [Fact]
    public void KillWithStopIsAUsageError()
    {
        var run = CliRun.Of("-c", "123", "--kill", "--stop");

        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("kill").And.Contain("stop").And.Contain("is not compatible with");
    }

    [Fact]
    public void RepeatedLabelsAreParsedIntoKeysAndValues()
    {
        var options = Parsed("dump", "123", "--label", "a=b", "--label", "owner=x=y", "--label", "empty=");

        options.Labels.Select(l => (l.Key, l.Value)).Should().Equal(("a", "b"), ("owner", "x=y"), ("empty", ""));
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=value")]
    public void MalformedLabelIsAUsageError(string label)
    {
        var run = CliRun.Of("dump", "123", "--label", label);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("label");
    }

    [Fact]
    public void MissingPidIsAUsageError()
    {
        CliRun.Of("dump").ExitCode.Should().Be(2);
        CliRun.Of("-c").ExitCode.Should().Be(2);
    }

    [Fact]
    public void PidZeroIsAUsageError()
    {
        var run = CliRun.Of("dump", "0");

        run.Should().Be(new CliRun(2, string.Empty, $"checkpt: PID must be a positive process id, not 0{Environment.NewLine}"));
    }

    [Theory]
    [InlineData("sleep", "sleep.ckpt")]
    [InlineData("kworker/0:1", "kworker_0:1.ckpt")]
    [InlineData("..", "process.ckpt")]
    [InlineData("", "process.ckpt")]
    public void DefaultImageNameIsTheCommWithCkptAppended(string comm, string name)
    {
        DefaultImageName.For(comm).Should().Be(name);
    }

    [Theory]
    [InlineData("info", typeof(InfoOptions))]
    [InlineData("verify", typeof(VerifyOptions))]
    public void ImageVerbsTakeAFile(string verb, Type optionsType)
    {
        CliParser.Parse([verb, "x.ckpt"]).Should().BeOfType<Parsed<object>>().Which.Value.Should().BeOfType(optionsType);
    }

    [Fact]
    public void InfoTakesJson()
    {
        CliParser.Parse(["info", "--json", "x.ckpt"]).Should().BeOfType<Parsed<object>>()
            .Which.Value.Should().BeEquivalentTo(new InfoOptions { File = "x.ckpt", Json = true });
    }

    private static DumpOptions Parsed(params string[] args) =>
        CliParser.Parse(args).Should().BeOfType<Parsed<object>>().Which.Value.Should().BeOfType<DumpOptions>().Subject;
}
