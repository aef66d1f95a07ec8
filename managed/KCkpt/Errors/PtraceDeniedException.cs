namespace KCkpt.Errors;

/// <summary>The caller may not ptrace the target, so it may not checkpoint it (opening /proc/PID/mem was refused).</summary>
public sealed class PtraceDeniedException(int pid, string comm, string reason, int errno)
    : KckptException(
        $"you may not checkpoint {pid} ({comm}): you could not ptrace it ({reason}). "
        + "Checkpoint your own processes (see /proc/sys/kernel/yama/ptrace_scope), or run as root.",
        errno);
