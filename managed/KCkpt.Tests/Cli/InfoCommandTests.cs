using System.Globalization;
using System.Text.Json;
using KCkpt.Cli.Info;
using KCkpt.Image;
using KCkpt.Restorability;
using KCkpt.Tests.Image;
using static KCkpt.Tests.TextLines;

namespace KCkpt.Tests.Cli;

public sealed class InfoCommandTests : IDisposable
{
    private readonly ImageFiles images = new();

    public void Dispose() => images.Dispose();

    [Fact]
    public void TextShowsProgramProcessMemoryFilesSignalsLabelsAndVerdict()
    {
        var image = new TestImageBuilder().Build().Read();
        string taken = new DateTimeOffset(2025, 5, 22, 10, 11, 12, 500, TimeSpan.Zero).ToLocalTime()
            .ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        using var output = new StringWriter();

        InfoText.Write(output, InfoReportBuilder.Build("sleeper.ckpt", image, ["kernel release differs: the image is from 6.1.0-56-amd64, this machine runs 6.12.38"]));

        output.ToString().Should().Be(Lines(
            "image:           sleeper.ckpt (format 1, written by kckpt 0.1.0)",
            "program:         /usr/bin/sleeper",
            "command line:    sleeper 1000",
            "process:         pid 4242 (sleeper), parent 1, process group 4242, session 4242",
            "user:            uid 1000 gid 1000 (effective uid 1000 gid 1000)",
            $"taken:           {taken} on buildbox by alice with checkpt 0.1.0",
            "kernel:          6.1.0-56-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22)",
            $"size:            0.03 MiB image, 0.02 MiB memory saved of 0.05 MiB mapped",
            "cwd:             /home/alice",
            "labels:          job=nightly, owner=alice",
            "",
            "threads:",
            "  TID   IP        SP              STATE                                BLOCKED",
            "  4242  0x401234  0x7ffc10000ff0  in syscall 35, re-issued on restore  SIGINT",
            "",
            "memory map:",
            "  START-END                      PROT  KIND          SAVED  PATH",
            "  0x400000-0x401000              r-xp  file-private  0/1    /usr/bin/sleeper",
            "  0x401000-0x403000              rw-p  file-private  1/2    /usr/bin/sleeper",
            "  0x1000000-0x1004000            rw-p  anon          3/4    [heap]",
            "  0x7ffc0fffe000-0x7ffc10001000  rw-p  anon          2/3    [stack]",
            "  0x7ffc10100000-0x7ffc10102000  r-xp  vdso          0/2    [vdso]",
            "",
            "open files:",
            "  FD  KIND  FLAGS                        POSITION  PATH",
            "  0   tty   O_RDWR                       0         /dev/pts/0",
            "  1   tty   O_RDWR                       0         /dev/pts/0",
            "  2   tty   O_RDWR                       0         /dev/pts/0",
            "  3   file  O_RDONLY|O_APPEND|O_CLOEXEC  123       /home/alice/data.txt",
            "",
            "signal handlers:",
            "  SIGNAL   HANDLER   FLAGS",
            "  SIGINT   0x401500  SA_RESTORER|SA_RESTART",
            "  SIGPIPE  SIG_IGN",
            "",
            "pending signals: SIGUSR1 (for the process)",
            "",
            "restorable here: no",
            "  - kernel release differs: the image is from 6.1.0-56-amd64, this machine runs 6.12.38"));
    }

    [Fact]
    public void TextSaysNoneForNoFilesNoHandlersNoPendingSignalsAndNoLabels()
    {
        var builder = new TestImageBuilder { Manifest = null };
        builder.Fds.Clear();
        builder.Handlers.Clear();
        builder.Pending.Clear();
        using var output = new StringWriter();

        InfoText.Write(output, InfoReportBuilder.Build("x.ckpt", builder.Build().Read(), []));

        output.ToString().Should().Contain(Lines("labels:          none"))
            .And.Contain(Lines("open files:", "  none"))
            .And.Contain(Lines("signal handlers:", "  none (every signal has its default action)"))
            .And.Contain(Lines("pending signals: none"))
            .And.EndWith(Lines("restorable here: yes"))
            .And.Contain("command line:    sleeper 1000", "without a manifest the command line comes from NT_PRPSINFO");
    }

    [Fact]
    public void ManifestThatIsNoImageManifestIsShownAsSuch()
    {
        var image = new TestImageBuilder { RawManifest = "hello"u8.ToArray() }.Build().Read();
        using var output = new StringWriter();

        InfoText.Write(output, InfoReportBuilder.Build("x.ckpt", image, []));

        output.ToString().Should().Contain(Lines(
            "labels:          none",
            "manifest:        its 5 bytes are not a KCkpt manifest (Completed reading a message while more data was available in the stream.)"));
    }

    [Fact]
    public void InfoCommandJudgesTheImageAgainstThisMachine()
    {
        string path = images.WriteDefault();

        var run = CliRun.Of("info", path);

        run.ExitCode.Should().Be(0);
        run.Error.Should().BeEmpty();
        run.Out.Should().Contain($"image:           {path} (format 1")
            .And.Contain(Lines("restorable here: no"))
            .And.Contain($"  - kernel release differs: the image is from 6.1.0-56-amd64, this machine runs {HostKernel.Release}")
            .And.Contain("  - mapped file /usr/bin/sleeper is missing")
            .And.Contain("  - open file (fd 3) /home/alice/data.txt is missing");
    }

    [Fact]
    public void JsonHasTheSameFacts()
    {
        string path = images.WriteDefault();

        var run = CliRun.Of("info", "--json", path);

        run.ExitCode.Should().Be(0);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.GetProperty("image").GetString().Should().Be(path);
        root.GetProperty("program").GetString().Should().Be("/usr/bin/sleeper");
        root.GetProperty("command_line").GetString().Should().Be("sleeper 1000");
        root.GetProperty("pid").GetInt32().Should().Be(4242);
        root.GetProperty("host").GetString().Should().Be("buildbox");
        root.GetProperty("kernel_release").GetString().Should().Be("6.1.0-56-amd64");
        root.GetProperty("taken").GetDateTimeOffset().Should().Be(new DateTimeOffset(2025, 5, 22, 10, 11, 12, 500, TimeSpan.Zero));
        root.GetProperty("saved_memory_bytes").GetInt64().Should().Be(6 * 4096);
        root.GetProperty("mapped_bytes").GetInt64().Should().Be(12 * 4096);
        root.GetProperty("memory_map").GetArrayLength().Should().Be(5);
        root.GetProperty("memory_map")[2].GetProperty("path").GetString().Should().Be("[heap]");
        root.GetProperty("open_files")[3].GetProperty("flags").GetString().Should().Be("O_RDONLY|O_APPEND|O_CLOEXEC");
        root.GetProperty("signal_handlers")[1].GetProperty("handler").GetString().Should().Be("SIG_IGN");
        root.GetProperty("threads")[0].GetProperty("blocked")[0].GetString().Should().Be("SIGINT");
        root.GetProperty("labels").GetProperty("job").GetString().Should().Be("nightly");
        root.GetProperty("restorable").GetBoolean().Should().BeFalse();
        root.GetProperty("not_restorable_because").EnumerateArray().Select(e => e.GetString())
            .Should().Contain("mapped file /usr/bin/sleeper is missing");
        run.Out.Should().Contain("'#1 SMP PREEMPT_DYNAMIC Debian", "quotes are not escaped as \\u0027");
    }

    [Fact]
    public void ImageOfThisMachineWithUnchangedFilesIsRestorableHere()
    {
        var (builder, mapped) = ThisMachineImage.Builder(images.Directory);
        string path = images.Write(builder.Build());

        var run = CliRun.Of("info", path);

        run.Out.Should().EndWith(Lines("restorable here: yes"));

        File.AppendAllText(mapped, "more");
        CliRun.Of("info", path).Out.Should().Contain(Lines("restorable here: no"))
            .And.MatchRegex($"  - mapped file {mapped} has changed since the checkpoint \\(size 4 -> 8(, modification time)?\\)");

        File.Delete(mapped);
        CliRun.Of("info", path).Out.Should().Contain($"  - mapped file {mapped} is missing");
    }

    [Fact]
    public void InvalidImageExitsSevenWithOneLine()
    {
        string path = images.Write(new TestImageBuilder().Build().Truncated(1000));

        var run = CliRun.Of("info", path);

        run.Should().Be(new CliRun(
            7,
            string.Empty,
            $"checkpt: {path} is not a valid checkpoint image: the program header table (10 entries at e_phoff 0x{new TestImageBuilder().Build().ProgramHeaderTableOffset:x}) runs past the end of the file (1000 bytes) (at file offset 0x20){Environment.NewLine}"));
    }

    [Fact]
    public void MissingImageExitsOne()
    {
        string path = Path.Combine(images.Directory, "missing.ckpt");

        var run = CliRun.Of("info", path);

        run.ExitCode.Should().Be(1);
        run.Error.Should().StartWith($"checkpt: cannot read {path}: ").And.NotContain("unexpected");
    }
}
