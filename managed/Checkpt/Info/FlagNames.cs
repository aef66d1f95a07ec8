using KCkpt.Image;

namespace KCkpt.Cli.Info;

/// <summary>Bit masks spelled with the names of their bits; bits without a name appear as hex.</summary>
internal static class FlagNames
{
    public static readonly (ulong Bit, string Name)[] SigAction =
    [
        (0x1, "SA_NOCLDSTOP"), (0x2, "SA_NOCLDWAIT"), (0x4, "SA_SIGINFO"), (0x400, "SA_UNSUPPORTED"),
        (0x800, "SA_EXPOSE_TAGBITS"), (0x04000000, "SA_RESTORER"), (0x08000000, "SA_ONSTACK"),
        (0x10000000, "SA_RESTART"), (0x40000000, "SA_NODEFER"), (0x80000000, "SA_RESETHAND"),
    ];

    /// <summary>open(2) flags beyond the access mode.</summary>
    public static readonly (ulong Bit, string Name)[] Open =
    [
        (Bit(OpenFlags.Create), "O_CREAT"), (Bit(OpenFlags.Exclusive), "O_EXCL"), (Bit(OpenFlags.NoControllingTerminal), "O_NOCTTY"),
        (Bit(OpenFlags.Truncate), "O_TRUNC"), (Bit(OpenFlags.Append), "O_APPEND"), (Bit(OpenFlags.NonBlocking), "O_NONBLOCK"),
        (Bit(OpenFlags.DataSync), "O_DSYNC"), (Bit(OpenFlags.Async), "O_ASYNC"), (Bit(OpenFlags.Direct), "O_DIRECT"),
        (Bit(OpenFlags.LargeFile), "O_LARGEFILE"), (Bit(OpenFlags.Directory), "O_DIRECTORY"), (Bit(OpenFlags.NoFollow), "O_NOFOLLOW"),
        (Bit(OpenFlags.NoAccessTime), "O_NOATIME"), (Bit(OpenFlags.CloseOnExec), "O_CLOEXEC"), (Bit(OpenFlags.Sync), "O_SYNC"),
        (Bit(OpenFlags.Path), "O_PATH"), (Bit(OpenFlags.TemporaryFile), "O_TMPFILE"),
    ];

    public static readonly (ulong Bit, string Name)[] Vma =
    [
        (Bit(MappingFlags.GrowsDown), "growsdown"), (Bit(MappingFlags.Locked), "locked"),
        (Bit(MappingFlags.NoReserve), "noreserve"), (Bit(MappingFlags.DontDump), "dontdump"),
        (Bit(MappingFlags.Heap), "heap"), (Bit(MappingFlags.Stack), "stack"),
        (Bit(MappingFlags.MayWrite), "maywrite"), (Bit(MappingFlags.DontFork), "dontfork"),
    ];

    public static IReadOnlyList<string> Of(ulong value, (ulong Bit, string Name)[] table)
    {
        var names = table.Where(f => (value & f.Bit) != 0).Select(f => f.Name).ToList();
        ulong unnamed = table.Aggregate(value, (rest, f) => rest & ~f.Bit);
        if (unnamed != 0)
        {
            names.Add($"0x{unnamed:x}");
        }

        return names;
    }

    /// <summary>"O_RDWR|O_APPEND|O_CLOEXEC": access mode, flags, and O_CLOEXEC when the descriptor has FD_CLOEXEC.</summary>
    public static string OfOpen(OpenFlags flags, bool closeOnExec)
    {
        string access = (flags & OpenFlags.AccessMode) switch
        {
            OpenFlags.ReadOnly => "O_RDONLY",
            OpenFlags.WriteOnly => "O_WRONLY",
            OpenFlags.ReadWrite => "O_RDWR",
            _ => "O_ACCMODE",
        };
        var rest = (flags & ~OpenFlags.AccessMode) | (closeOnExec ? OpenFlags.CloseOnExec : 0);
        return string.Join('|', Of(Bit(rest), Open).Prepend(access));
    }

    public static IReadOnlyList<string> Of(MappingFlags flags) => Of(Bit(flags), Vma);

    private static ulong Bit(OpenFlags flags) => (ulong)flags;

    private static ulong Bit(MappingFlags flags) => (ulong)flags;
}
