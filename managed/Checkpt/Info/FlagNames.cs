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

    /// <summary>open(2) flags beyond the access mode (x86_64 values).</summary>
    public static readonly (ulong Bit, string Name)[] Open =
    [
        (0x40, "O_CREAT"), (0x80, "O_EXCL"), (0x100, "O_NOCTTY"), (0x200, "O_TRUNC"), (0x400, "O_APPEND"),
        (0x800, "O_NONBLOCK"), (0x1000, "O_DSYNC"), (0x2000, "O_ASYNC"), (0x4000, "O_DIRECT"), (0x8000, "O_LARGEFILE"),
        (0x10000, "O_DIRECTORY"), (0x20000, "O_NOFOLLOW"), (0x40000, "O_NOATIME"), (0x80000, "O_CLOEXEC"),
        (0x100000, "O_SYNC"), (0x200000, "O_PATH"), (0x400000, "O_TMPFILE"),
    ];

    public static readonly (ulong Bit, string Name)[] Vma =
    [
        (Interop.Uapi.VmafGrowsDown, "growsdown"), (Interop.Uapi.VmafLocked, "locked"),
        (Interop.Uapi.VmafNoReserve, "noreserve"), (Interop.Uapi.VmafDontDump, "dontdump"),
        (Interop.Uapi.VmafHeap, "heap"), (Interop.Uapi.VmafStack, "stack"),
        (Interop.Uapi.VmafMayWrite, "maywrite"), (Interop.Uapi.VmafDontFork, "dontfork"),
    ];

    private const ulong OpenAccessMode = 0x3;
    private const ulong OpenCloseOnExec = 0x80000;

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
    public static string OfOpen(uint flags, bool closeOnExec)
    {
        string access = (flags & OpenAccessMode) switch
        {
            0 => "O_RDONLY",
            1 => "O_WRONLY",
            2 => "O_RDWR",
            _ => "O_ACCMODE",
        };
        ulong rest = (flags & ~OpenAccessMode) | (closeOnExec ? OpenCloseOnExec : 0);
        return string.Join('|', Of(rest, Open).Prepend(access));
    }
}
