using System.Globalization;
using KCkpt.Errors;
using static Interop;

namespace KCkpt.Tests;

/// <summary>The failure paths of execve and posix_spawn, safe to take in the test process (RestoreExecTests take the others).</summary>
public sealed class ProgramExecutionTests : IDisposable
{
    private readonly ScratchDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void ReplacingWithAFileWithoutExecutePermissionThrowsAndThisProcessRunsOn()
    {
        string notExecutable = Path.Combine(dir.Path, "data");
        File.WriteAllText(notExecutable, "#!/bin/sh\n");

        var act = () => ProgramExecution.ReplaceCurrentProcess(notExecutable, [notExecutable], []);

        act.Should().Throw<KckptException>().Which.Should().BeEquivalentTo(
            new { Message = $"cannot execute {notExecutable}: Permission denied (errno 13)", Errno = (int?)Errno.EACCES });
    }

    [Fact]
    public void StartingAMissingProgramThrowsWithItsErrno()
    {
        var act = () => ProgramExecution.StartInNewSession("/nonexistent/program", ["program"], []);

        act.Should().Throw<KckptException>().Which.Should().BeEquivalentTo(
            new { Message = "cannot start /nonexistent/program: No such file or directory (errno 2)", Errno = (int?)Errno.ENOENT });
    }

    [Fact]
    public void StartedProgramLeadsASessionOfItsOwn()
    {
        int pid = ProgramExecution.StartInNewSession("/bin/sleep", ["sleep", "30"], []);
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            int session = int.Parse(fields[3], CultureInfo.InvariantCulture);

            session.Should().Be(pid);
        }
        finally
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
    }
}
