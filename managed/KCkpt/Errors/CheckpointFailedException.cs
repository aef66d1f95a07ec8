namespace KCkpt.Errors;

/// <summary>KCKPT_IOC_CHECKPOINT or KCKPT_IOC_REQUEST refused or failed; the target runs on untouched.</summary>
public class CheckpointFailedException(string target, string reason, int errno)
    : KckptException($"cannot checkpoint {target}: {reason}", errno)
{
    /// <summary>Why, as the module said it (or strerror when it said nothing).</summary>
    public string Reason { get; } = reason;
}
