using KCkpt.Errors;
using static Interop;

namespace KCkpt.Tests;

public sealed class ErrnoMapperTests
{
    private const string Device = "/dev/kckpt";

    [Theory]
    [InlineData(Errno.ENOENT, "/dev/kckpt is missing")]
    [InlineData(Errno.ENODEV, "/dev/kckpt has no kckpt driver behind it")]
    [InlineData(Errno.ENXIO, "/dev/kckpt has no kckpt driver behind it")]
    public void AbsentDeviceMeansModuleNotLoadedAndTellsHowToLoadIt(int errno, string symptom)
    {
        var exception = ErrnoMapper.FromDeviceErrno(errno, "open", Device);

        exception.Should().BeOfType<ModuleNotLoadedException>();
        exception.Errno.Should().Be(errno);
        exception.Message.Should().Be(
            $"the kckpt kernel module is not loaded ({symptom}). "
            + "Load it with 'sudo modprobe kckpt' (or 'sudo insmod build/$(uname -r)/kckpt.ko' from a source tree).");
    }

    [Theory]
    [InlineData(Errno.EACCES, "Permission denied")]
    [InlineData(Errno.EPERM, "Operation not permitted")]
    public void RefusalMeansPermissionDeniedAndSuggestsRootOrDeviceAccess(int errno, string reason)
    {
        var exception = ErrnoMapper.FromDeviceErrno(errno, "open", Device);

        exception.Should().BeOfType<KckptPermissionException>();
        exception.Errno.Should().Be(errno);
        exception.Message.Should().Be(
            $"open /dev/kckpt: {reason}. Run as root (sudo), or have an administrator give your user access to /dev/kckpt.");
    }

    [Fact]
    public void OtherErrnoBecomesPlainKckptExceptionWithStrerrorAndNumber()
    {
        const int einval = 22;

        var exception = ErrnoMapper.FromDeviceErrno(einval, "KCKPT_IOC_VERSION on", Device);

        exception.Should().BeOfType<KckptException>();
        exception.Errno.Should().Be(einval);
        exception.Message.Should().Be("KCKPT_IOC_VERSION on /dev/kckpt: Invalid argument (errno 22)");
    }
}
