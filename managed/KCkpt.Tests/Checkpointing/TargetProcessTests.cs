using KCkpt.Checkpointing;
using KCkpt.Errors;

namespace KCkpt.Tests.Checkpointing;

public sealed class TargetProcessTests
{
    [Fact]
    public void OpeningThisProcessReadsItsNameAndCommandLine()
    {
        using var target = TargetProcess.Open(Environment.ProcessId);

        target.Comm.Should().Be(File.ReadAllText("/proc/self/comm").TrimEnd('\n'));
        target.ReadCommandLine().Should().Equal(File.ReadAllText("/proc/self/cmdline").TrimEnd('\0').Split('\0'));
        target.ReadExpectedImageBytes().Should().BePositive();
        target.MemoryProof.IsInvalid.Should().BeFalse();
        target.ToString().Should().Be($"{Environment.ProcessId} ({target.Comm})");
    }

    [Fact]
    public void MissingProcessIsNoSuchProcess()
    {
        int pid = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), System.Globalization.CultureInfo.InvariantCulture) + 1;

        FluentActions.Invoking(() => TargetProcess.Open(pid)).Should().Throw<KckptException>()
            .Which.Message.Should().Be($"no such process: {pid}");
    }
}
