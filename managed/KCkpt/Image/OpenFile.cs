namespace KCkpt.Image;

/// <summary>One open file descriptor (a KCKPT_NT_FD note: struct kckpt_fd and path).</summary>
public sealed record OpenFile(
    int Fd,
    OpenFileKind Kind,
    bool CloseOnExec,
    OpenFlags Flags,
    uint Mode,
    long Position,
    FileIdentity File,
    uint RawDevice,
    string? Path)
{
    /// <summary>A regular file that must still be there, unchanged, on restore.</summary>
    public bool IsRegularFile => Kind == OpenFileKind.RegularFile && Path is not null;

    /// <summary>A regular file or directory that kckpt-restore reopens by its path: it must still be there, the same file.</summary>
    public bool IsReopenedByPath => Kind is OpenFileKind.RegularFile or OpenFileKind.Directory && Path is not null;

    /// <summary>"open file" or "open directory", for messages.</summary>
    public string KindName => Kind == OpenFileKind.Directory ? "open directory" : "open file";
}
