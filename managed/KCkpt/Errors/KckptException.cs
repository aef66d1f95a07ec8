namespace KCkpt.Errors;

/// <summary>A KCkpt operation failed; the message is meant for the user.</summary>
public class KckptException : Exception
{
    public KckptException(string message, int? errno = null)
        : base(message)
    {
        Errno = errno;
    }

    /// <summary>The errno behind the failure, when a system call failed.</summary>
    public int? Errno { get; }
}
