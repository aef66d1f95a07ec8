namespace KCkpt.Requesting;

/// <summary>What a process did with a checkpoint request, by its disposition of SIGCKPT (KCKPT_ACT_*).</summary>
public enum RequestAction : uint
{
    /// <summary>It has a SIGCKPT handler: it got the signal.</summary>
    Signalled = Interop.Uapi.ActSignalled,

    /// <summary>SIGCKPT is at SIG_DFL: the module checkpointed it to its default file.</summary>
    Checkpointed = Interop.Uapi.ActCheckpointed,

    /// <summary>It ignores SIGCKPT: nothing was done.</summary>
    Ignored = Interop.Uapi.ActIgnored,
}
