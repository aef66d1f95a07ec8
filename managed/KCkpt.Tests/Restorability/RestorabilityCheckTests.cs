using KCkpt.Image;
using KCkpt.Restorability;
using KCkpt.Tests.Image;
using static Interop;

namespace KCkpt.Tests.Restorability;

public sealed class RestorabilityCheckTests
{
    private static readonly FileIdentity Binary = new(FileIdentity.EncodeDevice(8, 1), 100, 4096, 1700000000, 5);
    private static readonly FileIdentity Data = new(FileIdentity.EncodeDevice(8, 1), 200, 10, 1700000001, 0);

    private static readonly HostFacts SameHost = new(
        "6.1.0-56-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22)", 0xdeadbeef, 0x2ff, 1000, 1000);

    [Fact]
    public void SameKernelCpuUserAndFilesLeaveNothingInTheWay()
    {
        Reasons(SameHost).Should().BeEmpty();
    }

    [Fact]
    public void OtherKernelReleaseIsAReasonAndTheVdsoIsNotCompared()
    {
        var host = SameHost with { KernelRelease = "6.12.38+deb12-amd64", KernelVersion = "#1 SMP Debian 6.12.38", VdsoCrc32c = 1 };

        Reasons(host).Should().Equal(
            "kernel release differs: the image is from 6.1.0-56-amd64, this machine runs 6.12.38+deb12-amd64",
            "kernel version differs: the image is from '#1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22)', this machine runs '#1 SMP Debian 6.12.38'");
    }

    [Fact]
    public void OtherVdsoOfTheSameReleaseIsAReason()
    {
        Reasons(SameHost with { VdsoCrc32c = 0x12345678 }).Should().Equal(
            "the vdso differs (crc32c 0xdeadbeef in the image, 0x12345678 here): another build of the kernel");
    }

    [Fact]
    public void MissingXFeaturesAreNamed()
    {
        var image = Image(builder => builder.XFeatures = 0xe7);

        RestorabilityCheck.Reasons(image, SameHost with { SupportedXFeatures = 0x7 }, Unchanged).Should().Equal(
            "this CPU lacks state components the image uses: AVX-512 opmask, AVX-512 ZMM_Hi256, AVX-512 Hi16_ZMM (image XCR0 0xe7, CPU supports 0x7)");
    }

    [Fact]
    public void WhoMayRestoreIsLeftToTheKernel()
    {
        var image = Image(builder => (builder.Uid, builder.Gid, builder.Euid, builder.Egid, builder.Dumpable) = (0, 0, 0, 0, 2));

        RestorabilityCheck.Reasons(image, SameHost with { EffectiveUid = 1001, EffectiveGid = 100 }, Unchanged).Should().BeEmpty();
    }

    [Fact]
    public void OpenFileMayHaveNewContentsButMustBeTheSameFile()
    {
        HostFile Grown(string path) => new(path == "/usr/bin/sleeper" ? Binary : Data with { Size = 99, MtimeSec = 1800000000 }, null);
        HostFile Replaced(string path) => new(path == "/usr/bin/sleeper" ? Binary : Data with { Inode = 201 }, null);

        RestorabilityCheck.Reasons(Image(), SameHost, Grown).Should().BeEmpty();
        RestorabilityCheck.Reasons(Image(), SameHost, Replaced).Should().Equal(
            "open file (fd 3) /home/alice/data.txt has changed since the checkpoint (inode 200 -> 201)");
    }

    [Fact]
    public void OpenDirectoryMustStillBeThere()
    {
        var image = Image(builder => builder.Fds.Add(new TestFd(4, Uapi.FdDirectory, "/home/alice/work", File: Data with { Inode = 300 })));
        HostFile Stat(string path) => path == "/home/alice/work" ? new HostFile(null, "is missing") : Unchanged(path);

        RestorabilityCheck.Reasons(image, SameHost, Stat).Should().Equal("open directory (fd 4) /home/alice/work is missing");
    }

    [Fact]
    public void ChangedAndMissingFilesAreNamedOncePerPath()
    {
        HostFile Stat(string path) => path == "/usr/bin/sleeper"
            ? new HostFile(Binary with { Inode = 101, Size = 8192, Device = FileIdentity.EncodeDevice(259, 300) }, null)
            : new HostFile(null, "is missing");

        RestorabilityCheck.Reasons(Image(), SameHost, Stat).Should().Equal(
            "mapped file /usr/bin/sleeper has changed since the checkpoint (device 8:1 -> 259:300, inode 100 -> 101, size 4096 -> 8192)",
            "open file (fd 3) /home/alice/data.txt is missing");
    }

    [Fact]
    public void ModificationTimeAloneIsAChange()
    {
        HostFile Stat(string path) => new(path == "/usr/bin/sleeper" ? Binary with { MtimeNsec = 6 } : Data, null);

        RestorabilityCheck.Reasons(Image(), SameHost, Stat).Should().Equal(
            "mapped file /usr/bin/sleeper has changed since the checkpoint (modification time)");
    }

    [Fact]
    public void DeviceNumbersUseTheKernelsNewEncoding()
    {
        ulong encoded = FileIdentity.EncodeDevice(259, 0x12345);
        var identity = new FileIdentity(encoded, 0, 0, 0, 0);

        encoded.Should().Be(0x45 | (259UL << 8) | (0x12300UL << 12));
        (identity.DeviceMajor, identity.DeviceMinor).Should().Be((259U, 0x12345U));
    }

    private static IReadOnlyList<string> Reasons(HostFacts host) => RestorabilityCheck.Reasons(Image(), host, Unchanged);

    private static HostFile Unchanged(string path) => new(path == "/usr/bin/sleeper" ? Binary : Data, null);

    private static CheckpointImage Image(Action<TestImageBuilder>? change = null)
    {
        var builder = new TestImageBuilder();
        builder.Vmas[0] = builder.Vmas[0] with { File = Binary };
        builder.Vmas[1] = builder.Vmas[1] with { File = Binary };
        builder.Fds[3] = builder.Fds[3] with { File = Data };
        change?.Invoke(builder);
        return builder.Build().Read();
    }
}
