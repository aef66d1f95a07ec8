namespace KCkpt.Requesting;

/// <summary>What a process did with a checkpoint request, by its disposition of SIGCKPT (KCKPT_ACT_*).</summary>
public enum RequestAction
{
    /// <summary>It has a SIGCKPT handler: it got the signal.</summary>
    Signalled,

    /// <summary>SIGCKPT is at SIG_DFL: the module checkpointed it to its default file.</summary>
    Checkpointed,

    /// <summary>It ignores SIGCKPT: nothing was done.</summary>
    Ignored,
}
