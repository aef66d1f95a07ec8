
namespace KCkpt.Tests;

public sealed class HostKernelTests
{
    [Fact]
    public void ReleaseIsWhatUnameReportsAsTheKernelRelease()
    {
        HostKernel.Release.Should().Be(File.ReadAllText("/proc/sys/kernel/osrelease").Trim());
    }
}
