namespace KCkpt.Errors;

/// <summary>The kernel refused the caller (EACCES or EPERM).</summary>
public sealed class KckptPermissionException(string operation, string devicePath, string reason, int errno)
    : KckptException(
        $"{operation} {devicePath}: {reason}. "
        + $"Run as root (sudo), or have an administrator give your user access to {devicePath}.",
        errno);
