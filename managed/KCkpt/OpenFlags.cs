namespace KCkpt;

/// <summary>
/// open(2) flags (x86_64 values, asm-generic/fcntl.h): how KCkpt opens files, and how a saved descriptor was open
/// (<see cref="Image.OpenFile.Flags"/>). The low two bits are the access mode, not flags: see <see cref="AccessMode"/>.
/// </summary>
[Flags]
public enum OpenFlags : uint
{
    ReadOnly = 0x0,
    WriteOnly = 0x1,
    ReadWrite = 0x2,

    /// <summary>O_ACCMODE: the bits of the access mode.</summary>
    AccessMode = 0x3,

    Create = 0x40,
    Exclusive = 0x80,
    NoControllingTerminal = 0x100,
    Truncate = 0x200,
    Append = 0x400,
    NonBlocking = 0x800,
    DataSync = 0x1000,
    Async = 0x2000,
    Direct = 0x4000,
    LargeFile = 0x8000,
    Directory = 0x10000,
    NoFollow = 0x20000,
    NoAccessTime = 0x40000,
    CloseOnExec = 0x80000,

    /// <summary>__O_SYNC: the bit O_SYNC adds to O_DSYNC.</summary>
    Sync = 0x100000,
    Path = 0x200000,

    /// <summary>__O_TMPFILE: the bit O_TMPFILE adds to O_DIRECTORY.</summary>
    TemporaryFile = 0x400000,
}
