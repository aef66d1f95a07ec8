namespace KCkpt.Errors;

/// <summary>The module refused the checkpoint to this caller (EPERM or EACCES): it may not checkpoint the target.</summary>
public sealed class CheckpointDeniedException(string target, string reason, int errno)
    : CheckpointFailedException(target, reason, errno);
