using CommandLine;
using KCkpt.Cli;
using KCkpt.Cli.Commands;
using KCkpt.TtyHook;
using Microsoft.Win32.SafeHandles;
using static Interop;
using static KCkpt.Tests.TextLines;

namespace KCkpt.Tests.Cli;

public sealed class TtyCommandTests : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("kckpt-tty-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    [InlineData("status")]
    public void TtyVerbParsesItsAction(string action)
    {
        CliParser.Parse(["tty", action, "--terminal", "/dev/pts/7"]).Should().BeOfType<Parsed<object>>()
            .Which.Value.Should().BeOfType<TtyOptions>()
            .Which.Should().BeEquivalentTo(new { Action = action, Terminal = "/dev/pts/7" });
    }

    [Fact]
    public void TtyWithoutActionMeansStatusOnTheDefaultTerminal()
    {
        CliParser.Parse(["tty"]).Should().BeOfType<Parsed<object>>()
            .Which.Value.Should().BeOfType<TtyOptions>()
            .Which.Should().BeEquivalentTo(new { Action = "status", Terminal = (string?)null });
    }

    [Fact]
    public void UnknownActionIsAUsageError()
    {
        var run = CliRun.Of("tty", "maybe");

        run.Should().Be(new CliRun(2, string.Empty, $"checkpt: tty wants on, off or status, not 'maybe'{Environment.NewLine}"));
    }

    [Fact]
    public void AFileThatIsNotATerminalIsRefusedWithOneLine()
    {
        string file = Path.Combine(scratch.FullName, "plain");
        File.WriteAllText(file, string.Empty);

        var run = CliRun.Of("tty", "on", "--terminal", file);

        run.Should().Be(new CliRun(1, string.Empty, $"checkpt: {file} is not a terminal{Environment.NewLine}"));
    }

    [Fact]
    public void AMissingTerminalSaysSo()
    {
        string missing = Path.Combine(scratch.FullName, "pts-none");

        var run = CliRun.Of("tty", "status", "-t", missing);

        run.Should().Be(new CliRun(1, string.Empty, $"checkpt: open {missing}: No such file or directory (errno 2){Environment.NewLine}"));
    }

    [Fact]
    public void StatusOfAFreshPtyIsNTty()
    {
        using var pty = Pty.Open();

        var run = CliRun.Of("tty", "status", "-t", pty.SlavePath);

        run.ExitCode.Should().Be(0);
        run.Error.Should().BeEmpty();
        run.Out.Should().StartWith(Lines(
            $"terminal:        {pty.SlavePath}",
            "line discipline: 0 (n_tty): 'checkpt tty on' switches"));
    }

    [SkippableFact]
    public void OnWithoutTheModuleSaysHowToLoadItAndExitsThree()
    {
        Skip.If(TtyHookSettings.Read() is not null, "kckpt_tty.ko is loaded on this host: 'on' would switch the pty instead of failing");

        using var pty = Pty.Open();

        var run = CliRun.Of("tty", "on", "-t", pty.SlavePath);

        run.ExitCode.Should().Be(3);
        run.Out.Should().BeEmpty();
        run.Error.Should().StartWith("checkpt: kckpt_tty.ko is not loaded: ").And.Contain("modprobe kckpt_tty").And.EndWith(Environment.NewLine);
        run.Error.Count(c => c == '\n').Should().Be(1);
    }

    [Fact]
    public void OffPutsThePtyOnNTty()
    {
        using var pty = Pty.Open();

        var run = CliRun.Of("tty", "off", "-t", pty.SlavePath);

        run.Should().Be(new CliRun(0, $"checkpt: {pty.SlavePath} is back on n_tty{Environment.NewLine}", string.Empty));
    }

    [Fact]
    public void StatusWithTheLdiscShowsTheCharacter()
    {
        using var output = new StringWriter();

        TtyCommand.WriteStatus(output, "/dev/pts/3", LineDiscipline.Kckpt, new TtyHookSettings(5));

        output.ToString().Should().Be(Lines(
            "terminal:        /dev/pts/3",
            "line discipline: 29 (kckpt)",
            "ckpt_char:       ^E (5) checkpoints the foreground job"));
    }

    [Fact]
    public void StatusWithoutTheModuleSaysHowToLoadIt()
    {
        using var output = new StringWriter();

        TtyCommand.WriteStatus(output, "/dev/pts/3", LineDiscipline.NTty, null);

        output.ToString().Should().EndWith(Lines("ckpt_char:       kckpt_tty.ko is not loaded (modprobe kckpt_tty)"));
    }

    [Theory]
    [InlineData(5, "^E (5)")]
    [InlineData(20, "^T (20)")]
    [InlineData(28, "^\\ (28)")]
    [InlineData(0, "none (0: disabled)")]
    [InlineData(127, "^? (127)")]
    [InlineData(65, "'A' (65)")]
    [InlineData(200, "byte 200")]
    public void CharacterNamesAreHowTheyAreTyped(int value, string name)
    {
        TtyHookSettings.CharacterName(value).Should().Be(name);
    }

    [Fact]
    public void SettingsComeFromTheModuleParameter()
    {
        File.WriteAllText(Path.Combine(scratch.FullName, "ckpt_char"), "20\n");

        TtyHookSettings.Read(scratch.FullName).Should().Be(new TtyHookSettings(20));
        TtyHookSettings.Read(Path.Combine(scratch.FullName, "none")).Should().BeNull();
    }

    /// <summary>A pseudo-terminal pair from /dev/ptmx; the slave is reached by its path.</summary>
    private sealed class Pty : IDisposable
    {
        private readonly SafeFileHandle master;

        private Pty(SafeFileHandle master, string slavePath)
        {
            this.master = master;
            SlavePath = slavePath;
        }

        public string SlavePath { get; }

        public static unsafe Pty Open()
        {
            var master = Libc.TryOpen("/dev/ptmx", OpenFlags.ReadWrite | OpenFlags.NoControllingTerminal | OpenFlags.CloseOnExec, out int errno);
            master.Should().NotBeNull($"/dev/ptmx opens (errno {errno})");
            int unlock = 0, number = -1;
            Libc.Ioctl(master!, Libc.TiocSPtLck, &unlock).Should().Be(0);
            Libc.Ioctl(master!, Libc.TiocGPtN, &number).Should().Be(0);
            return new Pty(master!, $"/dev/pts/{number}");
        }

        public void Dispose() => master.Dispose();
    }
}
