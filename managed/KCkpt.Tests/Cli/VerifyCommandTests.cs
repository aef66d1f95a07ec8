using KCkpt.Tests.Image;
using static Interop;

namespace KCkpt.Tests.Cli;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly ImageFiles images = new();

    public void Dispose() => images.Dispose();

    [Fact]
    public void GoodImageIsOkWithSegmentCountAndSize()
    {
        string path = images.WriteDefault();

        CliRun.Of("verify", path).Should().Be(new CliRun(0, $"{path}: OK (4 segments, 0.02 MiB verified){Environment.NewLine}", string.Empty));
    }

    [Fact]
    public void DamagedImageExitsSevenNamingTheFirstProblem()
    {
        var image = new TestImageBuilder().Build();
        var segment = image.Read().Segments[2];
        string path = images.Write(image.With(b => b[(int)segment.Offset + 5] ^= 0x40));

        var run = CliRun.Of("verify", path);

        run.ExitCode.Should().Be(7);
        run.Out.Should().BeEmpty();
        run.Error.Should().Match($"checkpt: {path} is not a valid checkpoint image: segment 2 (vaddr 0x1003000, 0x1000 bytes) has crc32c 0x* (at file offset 0x{segment.Offset:x})*");
    }

    [Fact]
    public void NonImageExitsSeven()
    {
        string path = Path.Combine(images.Directory, "text.ckpt");
        File.WriteAllText(path, new string('x', 100));

        CliRun.Of("verify", path).Should().Be(new CliRun(
            7, string.Empty, $"checkpt: {path} is not a valid checkpoint image: no ELF magic (\\x7fELF): this is not an ELF file (at file offset 0x0){Environment.NewLine}"));
    }

    [Fact]
    public void SegmentEntryNamingAGapExitsSeven()
    {
        var image = new TestImageBuilder().Build();
        string path = images.Write(image.WithUInt32(image.Kckpt(Uapi.NtSegments).DescriptorOffset + 28, 2));

        CliRun.Of("verify", path).Error.Should().Contain("KCKPT_NT_SEGMENTS entry 0").And.Contain("its phdr_index 2 is not a PT_LOAD with data");
    }
}
