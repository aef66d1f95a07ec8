namespace KCkpt.Cli.Info;

/// <summary>What checkpt info shows about an image, formatted once for both the text and the JSON output.</summary>
internal sealed record InfoReport(
    string Image,
    uint FormatVersion,
    string ModuleVersion,
    string? Program,
    string CommandLine,
    string Comm,
    int Pid,
    int Ppid,
    int Pgid,
    int Sid,
    uint Uid,
    uint Gid,
    uint Euid,
    uint Egid,
    DateTimeOffset Taken,
    string Host,
    string? RequestedBy,
    string KernelRelease,
    string KernelVersion,
    long ImageBytes,
    ulong SavedMemoryBytes,
    ulong MappedBytes,
    string Cwd,
    bool SelfCheckpoint,
    IReadOnlyList<ThreadReport> Threads,
    IReadOnlyList<MappingReport> MemoryMap,
    IReadOnlyList<FileReport> OpenFiles,
    IReadOnlyList<SignalReport> SignalHandlers,
    IReadOnlyList<PendingReport> PendingSignals,
    IReadOnlyDictionary<string, string> Labels,
    string? ManifestProblem,
    bool Restorable,
    IReadOnlyList<string> NotRestorableBecause);

/// <summary>One thread: where it stands and which signals it blocks.</summary>
internal sealed record ThreadReport(int Tid, string Ip, string Sp, string State, IReadOnlyList<string> Blocked);

/// <summary>One mapping, as /proc/PID/maps would show it, with its saved pages.</summary>
internal sealed record MappingReport(
    string Start, string End, string Protection, string Kind, ulong SavedPages, ulong Pages, IReadOnlyList<string> Flags, string? Path);

/// <summary>One open file descriptor.</summary>
internal sealed record FileReport(int Fd, string Kind, string Flags, long Position, string? Path);

/// <summary>A signal whose disposition is not the default one.</summary>
internal sealed record SignalReport(int Number, string Name, string Handler, string Flags);

/// <summary>A queued signal, pending for the process or for one thread.</summary>
internal sealed record PendingReport(string Signal, string Queue, int Code);
