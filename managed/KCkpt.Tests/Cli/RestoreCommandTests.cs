using KCkpt.Cli.Restore;
using KCkpt.Image;
using KCkpt.Tests.Image;

namespace KCkpt.Tests.Cli;

/// <summary>
/// checkpt restore without a kernel module: the checks before the helper runs, where the helper is looked for, and
/// what it is run with. The execve and posix_spawn are recorded by doubles (<see cref="TestRestoreHost"/>).
/// </summary>
public sealed class RestoreCommandTests : IDisposable
{
    private static readonly string Nl = Environment.NewLine;

    private readonly ScratchDirectory dir = new();
    private readonly RecordingReplacer replacer = new();
    private readonly RecordingStarter starter = new();
    private readonly string helper;

    public RestoreCommandTests()
    {
        helper = Path.Combine(dir.Path, "kckpt-restore");
        File.WriteAllText(helper, "a stand-in: the doubles never run it");
    }

    public void Dispose() => dir.Dispose();

    [Fact]
    public void ImageOfAnotherKernelExitsFiveNamingBothKernels()
    {
        string path = new TestImageBuilder().Build().WriteTo(dir.Path);

        var run = Run("-r", path);

        run.ExitCode.Should().Be(5);
        run.Out.Should().BeEmpty();
        run.Error.Should().StartWith(
            $"checkpt: cannot restore {path}: kernel release differs: the image is from 6.1.0-56-amd64, this machine runs {HostKernel.Release}{Nl}");
        replacer.Runs.Should().BeEmpty();
    }

    [Fact]
    public void FurtherReasonsFollowIndentedOnePerLine()
    {
        string path = new TestImageBuilder().Build().WriteTo(dir.Path);

        var lines = Run("-r", path).Error.Split(Nl, StringSplitOptions.RemoveEmptyEntries);

        lines[0].Should().StartWith($"checkpt: cannot restore {path}: kernel release differs");
        lines[1..].Should().Equal(
            $"  kernel version differs: the image is from '#1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22)', this machine runs '{HostKernel.Version}'",
            "  mapped file /usr/bin/sleeper is missing",
            "  open file (fd 3) /home/alice/data.txt is missing");
    }

    [Fact]
    public void MissingMappedFileExitsFiveNamingIt()
    {
        var (builder, mapped) = ThisMachineImage.Builder(dir.Path);
        string path = builder.Build().WriteTo(dir.Path);
        File.Delete(mapped);

        Run("-r", path).Should().Be(new CliRun(5, string.Empty, $"checkpt: cannot restore {path}: mapped file {mapped} is missing{Nl}"));
        replacer.Runs.Should().BeEmpty();
    }

    [Fact]
    public void MappedFileOfAnotherSizeExitsFiveNamingIt()
    {
        var (builder, mapped) = ThisMachineImage.Builder(dir.Path);
        string path = builder.Build().WriteTo(dir.Path);
        File.AppendAllText(mapped, "more");

        var run = Run("-r", path);

        run.ExitCode.Should().Be(5);
        run.Error.Should().MatchRegex($"^checkpt: cannot restore {path}: mapped file {mapped} has changed since the checkpoint \\(size 4 -> 8(, modification time)?\\)\n$");
        replacer.Runs.Should().BeEmpty();
    }

    [Fact]
    public void MappedFileWithAnotherModificationTimeExitsFiveNamingIt()
    {
        var (builder, mapped) = ThisMachineImage.Builder(dir.Path);
        string path = builder.Build().WriteTo(dir.Path);
        File.SetLastWriteTimeUtc(mapped, new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));

        Run("-r", path).Should().Be(new CliRun(
            5, string.Empty, $"checkpt: cannot restore {path}: mapped file {mapped} has changed since the checkpoint (modification time){Nl}"));
    }

    [Fact]
    public void DamagedSegmentExitsFiveMentioningTheDamage()
    {
        var image = ThisMachineImage.Builder(dir.Path).Builder.Build();
        var segment = image.Read().Segments[2];
        string path = image.With(b => b[(int)segment.Offset + 5] ^= 0x40).WriteTo(dir.Path);

        var run = Run("-r", path);

        run.ExitCode.Should().Be(5);
        run.Out.Should().BeEmpty();
        run.Error.Should().Match(
            $"checkpt: cannot restore {path}: the image is invalid or damaged: segment 2 (vaddr 0x1003000, 0x1000 bytes) has crc32c 0x*, but KCKPT_NT_SEGMENTS says 0x*: its data is damaged (at file offset 0x{segment.Offset:x}){Nl}");
        replacer.Runs.Should().BeEmpty();
    }

    [Fact]
    public void FileThatIsNoImageExitsFive()
    {
        string path = Path.Combine(dir.Path, "text.ckpt");
        File.WriteAllText(path, new string('x', 100));

        Run("-r", path).Should().Be(new CliRun(
            5, string.Empty, $"checkpt: cannot restore {path}: the image is invalid or damaged: no ELF magic (\\x7fELF): this is not an ELF file (at file offset 0x0){Nl}"));
    }

    [Fact]
    public void MissingImageExitsFive()
    {
        string path = Path.Combine(dir.Path, "missing.ckpt");

        Run("-r", path).Should().Be(new CliRun(5, string.Empty, $"checkpt: cannot restore {path}: there is no such file{Nl}"));
    }

    [Fact]
    public void ImageOfThisMachineBecomesTheHelperWithResumeCodeAndImage()
    {
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);

        var run = Run("-r", path, "--resume-code", "7");

        run.Should().Be(new CliRun(0, string.Empty, string.Empty));
        var exec = replacer.Runs.Should().ContainSingle().Subject;
        exec.Path.Should().Be(helper);
        exec.Argv.Should().Equal(helper, "--resume-code", "7", path);
        exec.Environment.Should().Equal($"KCKPT_RESTORE={helper}", "KCKPT_TEST=passed on");
    }

    [Fact]
    public void WithoutResumeCodeTheHelperGetsOnlyTheImage()
    {
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);

        Run("restore", path).ExitCode.Should().Be(0);

        replacer.Runs.Should().ContainSingle().Which.Argv.Should().Equal(helper, path);
    }

    [Fact]
    public void HelperNamedByKckptRestoreWinsOverTheOneBesideCheckpt()
    {
        string beside = Directory.CreateDirectory(Path.Combine(dir.Path, "lib")).FullName;
        File.WriteAllText(Path.Combine(beside, "kckpt-restore"), "the installed one");
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);
        var host = TestRestoreHost.With(new Dictionary<string, string> { ["KCKPT_RESTORE"] = helper }, [beside], replacer);

        CliRun.WithRestoreHost(host, "-r", path).ExitCode.Should().Be(0);

        replacer.Runs.Should().ContainSingle().Which.Path.Should().Be(helper);
    }

    [Fact]
    public void WithoutKckptRestoreTheFirstHelperDirectoryThatHasItWins()
    {
        string empty = Directory.CreateDirectory(Path.Combine(dir.Path, "bin")).FullName;
        string beside = Directory.CreateDirectory(Path.Combine(dir.Path, "lib")).FullName;
        string installed = Directory.CreateDirectory(Path.Combine(dir.Path, "usr-local-lib")).FullName;
        File.WriteAllText(Path.Combine(beside, "kckpt-restore"), "beside checkpt");
        File.WriteAllText(Path.Combine(installed, "kckpt-restore"), "installed");
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);

        CliRun.WithRestoreHost(TestRestoreHost.With(helperDirectories: [empty, beside, installed], replacer: replacer), "-r", path)
            .ExitCode.Should().Be(0);

        replacer.Runs.Should().ContainSingle().Which.Path.Should().Be(Path.Combine(beside, "kckpt-restore"));
    }

    [Fact]
    public void MissingHelperExitsFiveListingWhereItLooked()
    {
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);
        var host = TestRestoreHost.With(helperDirectories: ["/nonexistent/a", "/nonexistent/b"], replacer: replacer);

        CliRun.WithRestoreHost(host, "-r", path).Should().Be(new CliRun(
            5,
            string.Empty,
            $"checkpt: cannot restore {path}: the helper kckpt-restore was not found (looked in /nonexistent/a/kckpt-restore, /nonexistent/b/kckpt-restore){Nl}"));
        replacer.Runs.Should().BeEmpty();
    }

    [Fact]
    public void MissingHelperNamedByKckptRestoreIsNotLookedForElsewhere()
    {
        string beside = Directory.CreateDirectory(Path.Combine(dir.Path, "lib")).FullName;
        File.WriteAllText(Path.Combine(beside, "kckpt-restore"), "beside checkpt");
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);
        var host = TestRestoreHost.With(new Dictionary<string, string> { ["KCKPT_RESTORE"] = "/nonexistent/kr" }, [beside], replacer);

        CliRun.WithRestoreHost(host, "-r", path).Should().Be(new CliRun(
            5, string.Empty, $"checkpt: cannot restore {path}: the helper kckpt-restore was not found (looked in /nonexistent/kr (from KCKPT_RESTORE)){Nl}"));
    }

    [Fact]
    public void RefusedImageIsRefusedBeforeTheHelperIsLookedFor()
    {
        string path = new TestImageBuilder().Build().WriteTo(dir.Path);

        var run = CliRun.WithRestoreHost(TestRestoreHost.With(replacer: replacer), "-r", path);

        run.ExitCode.Should().Be(5);
        run.Error.Should().Contain("kernel release differs").And.NotContain("helper");
    }

    [Fact]
    public void FailedExecveExitsFiveWithItsErrnoText()
    {
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);

        var run = CliRun.WithRestoreHost(TestRestoreHost.Naming(helper, new ExecveReplacer()), "-r", path);

        run.Should().Be(new CliRun(5, string.Empty, $"checkpt: cannot restore {path}: cannot execute {helper}: Permission denied (errno 13){Nl}"));
    }

    [Fact]
    public void DetachStartsTheHelperWritesItsPidAndSaysSo()
    {
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);
        string pidFile = Path.Combine(dir.Path, "restored.pid");

        var run = Run("-r", path, "--detach", "--pidfile", pidFile, "--resume-code", "3");

        run.Should().Be(new CliRun(0, $"checkpt: restored {path} as pid {RecordingStarter.Pid}{Nl}", string.Empty));
        File.ReadAllText(pidFile).Should().Be($"{RecordingStarter.Pid}\n");
        starter.Runs.Should().ContainSingle().Which.Argv.Should().Equal(helper, "--resume-code", "3", path);
        replacer.Runs.Should().BeEmpty();
        Directory.EnumerateFiles(dir.Path, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public void DetachReplacesAnOldPidFileAndQuietPrintsNothing()
    {
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);
        string pidFile = Path.Combine(dir.Path, "restored.pid");
        File.WriteAllText(pidFile, "99999\n");

        Run("-r", path, "--detach", "--pidfile", pidFile, "--quiet").Should().Be(new CliRun(0, string.Empty, string.Empty));

        File.ReadAllText(pidFile).Should().Be($"{RecordingStarter.Pid}\n");
    }

    [Fact]
    public void DetachWithAPidFileThatCannotBeWrittenStartsNothing()
    {
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);
        string pidFile = Path.Combine(dir.Path, "no-such-directory", "restored.pid");

        var run = Run("-r", path, "--detach", "--pidfile", pidFile);

        run.ExitCode.Should().Be(5);
        run.Error.Should().StartWith($"checkpt: cannot restore {path}: cannot write the pid file {pidFile}: ");
        starter.Runs.Should().BeEmpty();
    }

    [Fact]
    public void DetachedHelperThatCannotStartExitsFiveAndLeavesNoPidFile()
    {
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);
        string pidFile = Path.Combine(dir.Path, "restored.pid");

        var run = CliRun.WithRestoreHost(TestRestoreHost.Naming(helper, starter: new SessionStarter()), "-r", path, "--detach", "--pidfile", pidFile);

        run.Should().Be(new CliRun(5, string.Empty, $"checkpt: cannot restore {path}: cannot start {helper}: Permission denied (errno 13){Nl}"));
        Directory.EnumerateFiles(dir.Path, "*.pid*").Should().BeEmpty();
        Directory.EnumerateFiles(dir.Path, ".restored*").Should().BeEmpty();
    }

    [Fact]
    public void KernelRefusalExitsFiveWithItsReasonAndStartsNothing()
    {
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);
        string pidFile = Path.Combine(dir.Path, "pid");
        var kernel = new FixedKernel("bad auxiliary vector: it does not end in AT_NULL");

        var run = RunWith(kernel, new RecordingOwnerSwitch(), "-r", path, "--detach", "--pidfile", pidFile);

        run.Should().Be(new CliRun(5, string.Empty, $"checkpt: cannot restore {path}: bad auxiliary vector: it does not end in AT_NULL{Nl}"));
        starter.Runs.Should().BeEmpty();
        File.Exists(pidFile).Should().BeFalse();
    }

    [Fact]
    public void RootRefusedAnotherUsersImageIsToldAboutAsOwner()
    {
        var (builder, _) = ThisMachineImage.Builder(dir.Path);
        (builder.Uid, builder.Gid) = (1000, 1000);
        string path = builder.Build().WriteTo(dir.Path);
        var kernel = new FixedKernel("the image belongs to uid 1000 gid 1000, not to your uid 0");

        var run = RunWith(kernel, new RecordingOwnerSwitch(effectiveUid: 0), "-r", path);

        run.Should().Be(new CliRun(5, string.Empty,
            $"checkpt: cannot restore {path}: the image belongs to uid 1000 gid 1000, not to your uid 0{Nl}"
            + $"  it is uid 1000's image: root restores it only as its owner, with checkpt -r --as-owner {path}{Nl}"));
        replacer.Runs.Should().BeEmpty();
    }

    [Fact]
    public void AsOwnerBecomesTheImagesOwnerBeforeTheKernelIsAsked()
    {
        var (builder, _) = ThisMachineImage.Builder(dir.Path);
        (builder.Uid, builder.Gid) = (4321, 8765);
        string path = builder.Build().WriteTo(dir.Path);
        var log = new List<string>();

        var run = RunWith(new FixedKernel(log: log), new RecordingOwnerSwitch(effectiveUid: 0, log: log), "-r", path, "--as-owner");

        run.ExitCode.Should().Be(0);
        log.Should().Equal("switch 4321:8765", $"kernel {path}");
        replacer.Runs.Should().ContainSingle().Which.Argv.Should().Equal(helper, path);
    }

    [Fact]
    public void AsOwnerThatCannotSwitchExitsFiveAndAsksNothing()
    {
        string path = ThisMachineImage.Builder(dir.Path).Builder.Build().WriteTo(dir.Path);
        var kernel = new FixedKernel();
        var owner = new RecordingOwnerSwitch(problem: "--as-owner switches to the image's owner (uid 1 gid 1), which only root can do");

        var run = RunWith(kernel, owner, "-r", path, "--as-owner");

        run.Should().Be(new CliRun(5, string.Empty,
            $"checkpt: cannot restore {path}: --as-owner switches to the image's owner (uid 1 gid 1), which only root can do{Nl}"));
        kernel.Asked.Should().BeEmpty();
        replacer.Runs.Should().BeEmpty();
    }

    [Fact]
    public void AsOwnerWithSamePidIsAUsageError()
    {
        var run = Run("-r", Path.Combine(dir.Path, "any.ckpt"), "--as-owner", "--same-pid");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--as-owner");
    }

    private CliRun RunWith(IKernelRestoreCheck kernel, IOwnerSwitch owner, params string[] args) =>
        CliRun.WithRestoreHost(TestRestoreHost.Naming(helper, replacer, starter, kernel, owner), args);

    private CliRun Run(params string[] args) => CliRun.WithRestoreHost(TestRestoreHost.Naming(helper, replacer, starter), args);
}
