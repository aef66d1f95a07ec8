using System.Text;
using KCkpt.Errors;
using static Interop;
using static Interop.Uapi;

namespace KCkpt.Tests;

public sealed class ModuleVersionInfoTests
{
    [Fact]
    public void FromNativeReadsNumbersAndNulTerminatedStrings()
    {
        var answer = Answer(abiVersion: 1, features: Uapi.FeatRestore, moduleVersion: "0.1.0", kernelRelease: "6.1.0-56-amd64");

        ModuleVersionInfo.FromNative(answer).Should().Be(new ModuleVersionInfo(1, "0.1.0", "6.1.0-56-amd64", ModuleFeatures.Restore));
    }

    [Fact]
    public void FromNativeReadsAStringThatFillsItsWholeBuffer()
    {
        string full = new('v', Uapi.VersionStrLen);

        ModuleVersionInfo.FromNative(Answer(moduleVersion: full)).ModuleVersion.Should().Be(full);
    }

    [Fact]
    public void FeatureNamesAreEmptyWithoutFeatures()
    {
        Info(features: 0).FeatureNames().Should().BeEmpty();
    }

    [Fact]
    public void FeatureNamesNameEveryKnownBitInBitOrder()
    {
        var all = ModuleFeatures.RestoreDryRun | ModuleFeatures.TtyHook | ModuleFeatures.Request | ModuleFeatures.Restore | ModuleFeatures.Checkpoint;

        Info(features: all).FeatureNames().Should().Equal("checkpoint", "restore", "request", "tty-hook", "restore-dry-run");
    }

    [Fact]
    public void FeatureNamesShowUnknownBitsInHex()
    {
        Info(features: ModuleFeatures.Checkpoint | (ModuleFeatures)(1UL << 40)).FeatureNames().Should().Equal("checkpoint", "0x10000000000");
    }

    [Fact]
    public void SameAbiVersionIsCompatible()
    {
        Info(abiVersion: Uapi.AbiVersion).Invoking(info => info.EnsureAbiCompatible()).Should().NotThrow();
    }

    [Fact]
    public void OtherAbiVersionThrowsAbiMismatchNamingBothVersions()
    {
        var info = new ModuleVersionInfo(Uapi.AbiVersion + 1, "9.9.9", "6.1.0-56-amd64", 0);

        info.Invoking(i => i.EnsureAbiCompatible()).Should().Throw<AbiMismatchException>()
            .Which.Message.Should().Contain("module 9.9.9 speaks ABI 2")
            .And.Contain("this KCkpt speaks ABI 1")
            .And.Contain("same KCkpt release");
    }

    private static ModuleVersionInfo Info(uint abiVersion = Uapi.AbiVersion, ModuleFeatures features = 0) =>
        new(abiVersion, "0.1.0", "6.1.0-56-amd64", features);

    private static unsafe KckptVersion Answer(
        uint abiVersion = 1, ulong features = 0, string moduleVersion = "", string kernelRelease = "")
    {
        var answer = new KckptVersion { AbiVersion = abiVersion, Features = features };
        Encoding.ASCII.GetBytes(moduleVersion).CopyTo(new Span<byte>(answer.ModuleVersion, Uapi.VersionStrLen));
        Encoding.ASCII.GetBytes(kernelRelease).CopyTo(new Span<byte>(answer.KernelRelease, Uapi.ReleaseStrLen));
        return answer;
    }
}
