namespace KCkpt.Image;

/// <summary>What a saved file descriptor refers to (KCKPT_FD_*). A kind this KCkpt does not know keeps its number.</summary>
public enum OpenFileKind : uint
{
    RegularFile = Interop.Uapi.FdRegular,
    Directory = Interop.Uapi.FdDirectory,

    /// <summary>/dev/null, /dev/zero, /dev/[u]random, /dev/full.</summary>
    CharacterDevice = Interop.Uapi.FdChardev,

    /// <summary>A terminal: rebound to the terminal of the restore.</summary>
    Terminal = Interop.Uapi.FdTty,

    /// <summary>/dev/kckpt itself.</summary>
    KckptDevice = Interop.Uapi.FdKckpt,
}
