namespace KCkpt.Image;

/// <summary>Where a thread was in a system call when it was checkpointed, and what it does on restore (KCKPT_RESTART_*).</summary>
public enum SyscallRestart : uint
{
    /// <summary>Not in a system call.</summary>
    None = Interop.Uapi.RestartNone,

    /// <summary>The system call is issued again.</summary>
    Reissue = Interop.Uapi.RestartReissue,

    /// <summary>The system call fails with EINTR.</summary>
    Interrupted = Interop.Uapi.RestartEintr,

    /// <summary>The process checkpointed itself: its checkpoint call returns the resume code.</summary>
    Resume = Interop.Uapi.RestartResume,
}
