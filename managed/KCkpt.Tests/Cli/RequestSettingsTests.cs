using KCkpt.Cli.Commands;
using KCkpt.Requesting;

namespace KCkpt.Tests.Cli;

/// <summary>The module parameters behind checkpt -s, as read from sysfs and as checkpt status shows them.</summary>
public sealed class RequestSettingsTests : IDisposable
{
    private readonly ScratchDirectory parameters = new();

    public void Dispose() => parameters.Dispose();

    [Fact]
    public void ReadsSignalsAndTemplate()
    {
        Write("sigckpt", "63\n");
        Write("sigckptexit", "64\n");
        Write("ckptfile", "%N.%P.ckpt\n");

        var settings = RequestSettings.Read(parameters.Path);

        settings.Should().Be(new RequestSettings(63, 64, "%N.%P.ckpt"));
        settings.SignalFor(exit: false).Should().Be(63);
        settings.SignalFor(exit: true).Should().Be(64);
    }

    [Fact]
    public void MissingOrGarbledParametersAreNull()
    {
        Write("sigckpt", "sixty-three\n");

        RequestSettings.Read(parameters.Path).Should().Be(new RequestSettings(null, null, null));
        RequestSettings.Read(Path.Combine(parameters.Path, "absent")).Should().Be(new RequestSettings(null, null, null));
    }

    [Fact]
    public void StatusShowsTheSettingsItCouldRead()
    {
        using var output = new StringWriter();

        StatusCommand.WriteRequestSettings(output, new RequestSettings(40, null, "%N.ckpt"));

        output.ToString().Should().Be(
            $"SIGCKPT:      40{Environment.NewLine}ckptfile:     %N.ckpt (in the process's working directory){Environment.NewLine}");
    }

    [Fact]
    public void StatusShowsAnAbsoluteTemplateAsItIs()
    {
        using var output = new StringWriter();

        StatusCommand.WriteRequestSettings(output, new RequestSettings(63, 64, "/var/ckpt/%U/%N.ckpt"));

        output.ToString().Should().Be(string.Concat(
            $"SIGCKPT:      63{Environment.NewLine}",
            $"SIGCKPTEXIT:  64{Environment.NewLine}",
            $"ckptfile:     /var/ckpt/%U/%N.ckpt{Environment.NewLine}"));
    }

    [Fact]
    public void StatusShowsNothingWithoutParameters()
    {
        using var output = new StringWriter();

        StatusCommand.WriteRequestSettings(output, new RequestSettings(null, null, null));

        output.ToString().Should().BeEmpty();
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(parameters.Path, name), text);
}
