using KCkpt.Image;
using static Interop;

namespace KCkpt.Tests.Image;

public sealed class ImageReaderTests
{
    private static readonly BuiltImage Default = new TestImageBuilder().Build();

    [Fact]
    public void ReaderReturnsTheHeaderTheBuilderWrote()
    {
        var header = Default.Read().Header;

        header.Should().BeEquivalentTo(new
        {
            FormatVersion = Uapi.FormatVersion,
            AbiVersion = Uapi.AbiVersion,
            Created = new DateTimeOffset(2025, 5, 22, 10, 11, 12, 500, TimeSpan.Zero),
            ThreadCount = 1U,
            Uid = 1000U,
            Pid = 4242,
            XFeatures = 0x7UL,
            PageSize = 4096U,
            VdsoStart = 0x7ffc10100000UL,
            VdsoSize = 8192UL,
            VdsoCrc32c = 0xdeadbeefU,
            KernelRelease = "6.1.0-56-amd64",
            KernelVersion = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22)",
            Hostname = "buildbox",
            ModuleVersion = "0.1.0",
            IsSelfCheckpoint = false,
        });
    }

    [Fact]
    public void ReaderReturnsProcessCwdExeAndCommandLine()
    {
        var image = Default.Read();

        image.Process.Comm.Should().Be("sleeper");
        image.Process.Umask.Should().Be(0x12);
        image.Process.Limits.Should().HaveCount(Uapi.NRlimits);
        image.Process.Limits[3].Should().Be(new ResourceLimit(3, ulong.MaxValue));
        image.Cwd.Should().Be("/home/alice");
        image.Exe.Should().Be("/usr/bin/sleeper");
        image.CommandLine.Should().Be("sleeper 1000");
        image.FileSize.Should().Be(Default.Bytes.Length);
    }

    [Fact]
    public void ThreadCarriesItsKckptStateAndThePrStatusRegistersInUserRegsStructOrder()
    {
        var thread = Default.Read().Threads.Should().ContainSingle().Subject;

        thread.Tid.Should().Be(4242);
        thread.Restart.Should().Be(SyscallRestart.Reissue);
        thread.SyscallNr.Should().Be(35);
        thread.BlockedSignals.Should().Be(0b10);
        thread.FsBase.Should().Be(0x7f0000001740);
        thread.Registers.Ip.Should().Be(0x401234);
        thread.Registers.Sp.Should().Be(0x7ffc10000ff0);
        thread.Registers.Ax.Should().Be(35);
        thread.Registers.R15.Should().Be(0x1000);
        thread.Registers.OrigAx.Should().Be(0x1000 + 15);
        thread.Registers.Gs.Should().Be(0x1000 + 26);
    }

    [Fact]
    public void SignalActionsCoverEverySignalAndPendingSignalsKeepTheirQueue()
    {
        var image = Default.Read();

        image.SigActions.Should().HaveCount(Uapi.NSig);
        image.SigActions.Select(a => a.Signal).Should().Equal(Enumerable.Range(1, Uapi.NSig));
        image.SigActions[1].Should().Be(new SignalAction(2, 0x401500, 0x14000000, 0x7f0000040000, 0));
        image.SigActions[12].Handler.Should().Be(SignalAction.Ignore);
        image.SigActions[14].Handler.Should().Be(SignalAction.Default);
        var pending = image.PendingSignals.Should().ContainSingle().Subject;
        pending.Signal.Should().Be(10);
        pending.IsShared.Should().BeTrue();
    }

    [Fact]
    public void VmasCarryPathBitmapAndSavedPageCount()
    {
        var vmas = Default.Read().Vmas;

        vmas.Select(v => (v.Start, v.End, v.Kind, v.Path, v.SavedPages)).Should().Equal(
            (0x400000UL, 0x401000UL, MappingKind.FilePrivate, "/usr/bin/sleeper", 0UL),
            (0x401000UL, 0x403000UL, MappingKind.FilePrivate, "/usr/bin/sleeper", 1UL),
            (0x1000000UL, 0x1004000UL, MappingKind.Anonymous, null, 3UL),
            (0x7ffc0fffe000UL, 0x7ffc10001000UL, MappingKind.Anonymous, null, 2UL),
            (0x7ffc10100000UL, 0x7ffc10102000UL, MappingKind.Vdso, null, 0UL));
        vmas[2].SavedPageBitmap.Should().Equal(0b1011);
        Enumerable.Range(0, 4).Select(p => vmas[2].IsPageSaved((ulong)p)).Should().Equal(true, true, false, true);
        vmas[0].SavedPageBitmap.Should().BeEmpty();
    }

    [Fact]
    public void FdsCarryTheirPaths()
    {
        var fds = Default.Read().Fds;

        fds.Select(f => (f.Fd, f.Kind, f.Path)).Should().Equal(
            (0, OpenFileKind.Terminal, "/dev/pts/0"), (1, OpenFileKind.Terminal, "/dev/pts/0"), (2, OpenFileKind.Terminal, "/dev/pts/0"),
            (3, OpenFileKind.RegularFile, "/home/alice/data.txt"));
        fds[3].Should().BeEquivalentTo(new { Flags = OpenFlags.Append, Position = 123L, CloseOnExec = true, IsRegularFile = true });
    }

    [Fact]
    public void SegmentsMatchTheDataProgramHeaders()
    {
        var image = Default.Read();

        image.Segments.Select(s => (s.VirtualAddress, s.Size)).Should().Equal(
            (0x402000UL, 0x1000UL), (0x1000000UL, 0x2000UL), (0x1003000UL, 0x1000UL), (0x7ffc0ffff000UL, 0x2000UL));
        foreach (var segment in image.Segments)
        {
            var load = image.ProgramHeaders[(int)segment.ProgramHeaderIndex];
            load.Should().BeEquivalentTo(new { Type = Elf.PtLoad, segment.Offset, VirtualAddress = segment.VirtualAddress, FileSize = segment.Size });
            segment.Offset.Should().Be(segment.Offset / 4096 * 4096);
        }
    }

    [Fact]
    public void ProgramHeadersStartWithTheNoteSegmentAndCoverEveryVmaInAddressOrder()
    {
        var headers = Default.Read().ProgramHeaders;

        headers[0].Type.Should().Be(Elf.PtNote);
        var loads = headers.Skip(1).ToList();
        loads.Should().OnlyContain(h => h.Type == Elf.PtLoad);
        loads.Sum(h => (long)h.MemorySize).Should().Be(12 * 4096);
        loads.Select(h => h.VirtualAddress).Should().BeInAscendingOrder();
    }

    [Fact]
    public void ManifestIsParsed()
    {
        var manifest = Default.Read().Manifest!;

        manifest.Should().Be(TestImageBuilder.DefaultManifest());
        manifest.Labels["job"].Should().Be("nightly");
    }

    [Fact]
    public void ImageWithoutManifestOrExeReadsAsNull()
    {
        var image = new TestImageBuilder { Manifest = null, Exe = null }.Build().Read();

        image.Manifest.Should().BeNull();
        image.Exe.Should().BeNull();
    }

    [Fact]
    public void LongerDescriptorsOfANewerFormatAreReadUpToWhatTheReaderKnows()
    {
        var builder = new TestImageBuilder();
        foreach (uint type in new[] { Uapi.NtImage, Uapi.NtProc, Uapi.NtThread, Uapi.NtSigActions })
        {
            builder.DescriptorGrowth[type] = 24;
        }

        var image = builder.Build().Read();

        image.Header.Hostname.Should().Be("buildbox");
        image.Process.Comm.Should().Be("sleeper");
        image.Threads.Single().Tid.Should().Be(4242);
        image.SigActions.Should().HaveCount(Uapi.NSig);
    }

    [Fact]
    public void VariableNotesFindTheirPathAndBitmapAfterHdrSizeNotAfterTheKnownStruct()
    {
        var image = new TestImageBuilder { VariableHeaderGrowth = 16 }.Build().Read();

        image.Vmas[0].Path.Should().Be("/usr/bin/sleeper");
        image.Vmas[2].SavedPageBitmap.Should().Equal(0b1011);
        image.Fds[3].Path.Should().Be("/home/alice/data.txt");
    }

    [Fact]
    public void UnknownNoteTypesAndOwnersAreSkipped()
    {
        // The default builder adds a KCKPT note of an unknown type and a "GNU" note.
        Default.Notes.Should().Contain(n => n.Type == Uapi.NtBase + 99);

        Default.Invoking(i => i.Read()).Should().NotThrow();
    }

    [Fact]
    public void LoadReadsAFileAndNamesItInErrors()
    {
        using var dir = new ScratchDirectory();
        string good = Default.WriteTo(dir.Path);
        string bad = Default.Truncated(100).WriteTo(dir.Path, "bad.ckpt");

        CheckpointImage.Load(good).Header.Pid.Should().Be(4242);
        FluentActions.Invoking(() => CheckpointImage.Load(bad)).Should().Throw<ImageFormatException>()
            .Which.Message.Should().StartWith($"{bad} is not a valid checkpoint image: ");
    }

    [Fact]
    public void LoadOfAMissingFileSaysItCannotReadIt()
    {
        FluentActions.Invoking(() => CheckpointImage.Load("/nonexistent/x.ckpt")).Should().Throw<Errors.KckptException>()
            .Which.Message.Should().StartWith("cannot read /nonexistent/x.ckpt: ");
    }
}
