using System.Globalization;
using System.Runtime.InteropServices;
using KCkpt.Errors;
using Microsoft.Win32.SafeHandles;

namespace KCkpt.Checkpointing;

/// <summary>
/// A process about to be checkpointed: its name, command line, expected size, and an open /proc/PID/mem,
/// the proof of ptrace rights that KCKPT_IOC_CHECKPOINT asks for.
/// </summary>
public sealed class TargetProcess : IDisposable
{
    private TargetProcess(int pid, string comm, SafeFileHandle memoryProof)
    {
        Pid = pid;
        Comm = comm;
        MemoryProof = memoryProof;
    }

    public int Pid { get; }

    /// <summary>The task name (/proc/PID/comm).</summary>
    public string Comm { get; }

    /// <summary>/proc/PID/mem, open read-only.</summary>
    public SafeFileHandle MemoryProof { get; }

    /// <summary>Opens <paramref name="pid"/>'s /proc/PID/mem, which runs the kernel's ptrace-attach check.</summary>
    /// <exception cref="PtraceDeniedException">The caller may not ptrace the process.</exception>
    /// <exception cref="KckptException">There is no such process.</exception>
    public static TargetProcess Open(int pid)
    {
        string comm = ReadComm(pid);
        var memoryProof = Interop.Libc.TryOpen(ProcPath(pid, "mem"), OpenFlags.ReadOnly | OpenFlags.CloseOnExec, out int errno);
        if (memoryProof is null)
        {
            throw errno switch
            {
                Interop.Errno.EACCES or Interop.Errno.EPERM => new PtraceDeniedException(pid, comm, Marshal.GetPInvokeErrorMessage(errno), errno),
                Interop.Errno.ENOENT or Interop.Errno.ESRCH => NoSuchProcess(pid),
                _ => ErrnoMapper.FromErrno(errno, $"open {ProcPath(pid, "mem")}"),
            };
        }

        return new TargetProcess(pid, comm, memoryProof);
    }

    /// <summary>The process's argv (/proc/PID/cmdline); empty for a process without one.</summary>
    public IReadOnlyList<string> ReadCommandLine()
    {
        string cmdline = ReadProcFile("cmdline").TrimEnd('\0');
        return cmdline.Length == 0 ? [] : cmdline.Split('\0');
    }

    /// <summary>Resident anonymous plus shared memory (RssAnon + RssShmem of /proc/PID/status): about what the image will hold.</summary>
    public long ReadExpectedImageBytes()
    {
        long kib = 0;
        foreach (string line in ReadProcFile("status").Split('\n'))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal) || line.StartsWith("RssShmem:", StringComparison.Ordinal))
            {
                kib += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return kib * 1024;
    }

    public override string ToString() => $"{Pid} ({Comm})";

    public void Dispose() => MemoryProof.Dispose();

    private static string ReadComm(int pid)
    {
        try
        {
            return File.ReadAllText(ProcPath(pid, "comm")).TrimEnd('\n');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw NoSuchProcess(pid);
        }
    }

    private string ReadProcFile(string name)
    {
        try
        {
            return File.ReadAllText(ProcPath(Pid, name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KckptException($"cannot read {ProcPath(Pid, name)}: {e.Message}");
        }
    }

    private static KckptException NoSuchProcess(int pid) => new($"no such process: {pid}", Interop.Errno.ESRCH);

    private static string ProcPath(int pid, string name) => $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/{name}";
}
