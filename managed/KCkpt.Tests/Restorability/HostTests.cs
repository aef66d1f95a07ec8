using System.Diagnostics;
using System.Globalization;
using KCkpt.Image;
using KCkpt.Restorability;

namespace KCkpt.Tests.Restorability;

public sealed class HostTests
{
    [Fact]
    public void KernelVersionAndNodeNameAreWhatUnameReports()
    {
        HostKernel.Version.Should().Be(File.ReadAllText("/proc/sys/kernel/version").Trim());
        HostKernel.NodeName.Should().Be(File.ReadAllText("/proc/sys/kernel/hostname").Trim());
    }

    [Fact]
    public void VdsoIsFoundInAMapsListing()
    {
        string[] maps =
        [
            "55d0c8a00000-55d0c8a02000 r--p 00000000 08:01 1234   /usr/bin/cat",
            "7ffd3e5f2000-7ffd3e5f6000 r--p 00000000 00:00 0      [vvar]",
            "7ffd3e5f6000-7ffd3e5f8000 r-xp 00000000 00:00 0      [vdso]",
        ];

        HostVdso.FindVdso(maps).Should().Be((0x7ffd3e5f6000UL, 0x7ffd3e5f8000UL));
        HostVdso.FindVdso(maps[..2]).Should().BeNull();
    }

    [Fact]
    public unsafe void VdsoChecksumIsTheCrc32cOfTheMappedVdso()
    {
        var (start, end) = HostVdso.FindVdso(File.ReadLines("/proc/self/maps"))!.Value;
        var mapped = new ReadOnlySpan<byte>((void*)start, checked((int)(end - start)));

        HostVdso.Crc32c().Should().Be(Crc32C.Compute(mapped));
    }

    [Fact]
    public void CpuSupportsAtLeastX87AndSse()
    {
        (HostCpu.SupportedXFeatures() & 0x3).Should().Be(0x3);
    }

    [Fact]
    public void StatGivesDeviceInodeSizeAndModificationTimeLikeStat1()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "12345");
            string[] expected = Run("stat", "-c", "%Hd %Ld %i %s %Y", path).Split(' ');

            var identity = HostFile.Stat(path).Identity!.Value;

            identity.DeviceMajor.Should().Be(uint.Parse(expected[0], CultureInfo.InvariantCulture));
            identity.DeviceMinor.Should().Be(uint.Parse(expected[1], CultureInfo.InvariantCulture));
            identity.Inode.Should().Be(ulong.Parse(expected[2], CultureInfo.InvariantCulture));
            identity.Size.Should().Be(5);
            identity.MtimeSec.Should().Be(long.Parse(expected[4], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void StatOfAMissingFileSaysItIsMissing()
    {
        HostFile.Stat("/nonexistent/file").Should().Be(new HostFile(null, "is missing"));
    }

    [Fact]
    public void XFeatureNamesNameKnownBitsAndNumberTheRest()
    {
        XFeatureNames.Of(0x3 | 1UL << 17 | 1UL << 40).Should().Equal("x87", "SSE", "AMX TILECFG", "bit 40");
    }

    private static string Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true })!;
        string output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
