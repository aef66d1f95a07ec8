using KCkpt.Interop;

namespace KCkpt.Image;

/// <summary>One open file descriptor (a KCKPT_NT_FD note: struct kckpt_fd and path).</summary>
public sealed record OpenFile(
    int Fd,
    uint Kind,
    bool CloseOnExec,
    uint Flags,
    uint Mode,
    long Position,
    FileIdentity File,
    uint RawDevice,
    string? Path)
{
    /// <summary>A regular file that must still be there, unchanged, on restore.</summary>
    public bool IsRegularFile => Kind == Uapi.FdRegular && Path is not null;

    /// <summary>A regular file or directory that kckpt-restore reopens by its path: it must still be there, the same file.</summary>
    public bool IsReopenedByPath => Kind is Uapi.FdRegular or Uapi.FdDirectory && Path is not null;

    /// <summary>"open file" or "open directory", for messages.</summary>
    public string KindName => Kind == Uapi.FdDirectory ? "open directory" : "open file";
}
