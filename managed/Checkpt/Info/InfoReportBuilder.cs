using KCkpt.Image;

namespace KCkpt.Cli.Info;

/// <summary>Turns a <see cref="CheckpointImage"/> and the restorability verdict into an <see cref="InfoReport"/>.</summary>
internal static class InfoReportBuilder
{
    public static InfoReport Build(string path, CheckpointImage image, IReadOnlyList<string> notRestorableBecause)
    {
        var header = image.Header;
        var manifest = image.Manifest;
        return new InfoReport(
            Image: path,
            FormatVersion: header.FormatVersion,
            ModuleVersion: header.ModuleVersion,
            Program: image.Exe,
            CommandLine: manifest is { CommandLine.Count: > 0 } ? ShellWords.Join(manifest.CommandLine) : image.CommandLine ?? string.Empty,
            Comm: image.Process.Comm,
            Pid: header.Pid,
            Ppid: header.Ppid,
            Pgid: header.Pgid,
            Sid: header.Sid,
            Uid: header.Uid,
            Gid: header.Gid,
            Euid: header.Euid,
            Egid: header.Egid,
            Taken: header.Created.ToLocalTime(),
            Host: header.Hostname,
            RequestedBy: manifest is null ? null : $"{manifest.User} with checkpt {manifest.ToolVersion}",
            KernelRelease: header.KernelRelease,
            KernelVersion: header.KernelVersion,
            ImageBytes: image.FileSize,
            SavedMemoryBytes: image.Segments.Aggregate(0UL, (sum, s) => sum + s.Size),
            MappedBytes: image.Vmas.Aggregate(0UL, (sum, v) => sum + v.Size),
            Cwd: image.Cwd,
            SelfCheckpoint: header.IsSelfCheckpoint,
            Threads: image.Threads.Select(Thread).ToList(),
            MemoryMap: image.Vmas.Select(v => Mapping(v, header.PageSize)).ToList(),
            OpenFiles: image.Fds.Select(File).ToList(),
            SignalHandlers: image.SigActions.Where(a => a.Handler != SignalAction.Default).Select(Signal).ToList(),
            PendingSignals: image.PendingSignals.Select(Pending).ToList(),
            Labels: new SortedDictionary<string, string>(manifest?.Labels ?? [], StringComparer.Ordinal),
            ManifestProblem: image.ManifestProblem,
            Restorable: notRestorableBecause.Count == 0,
            NotRestorableBecause: notRestorableBecause);
    }

    private static string Hex(ulong value) => $"0x{value:x}";

    private static ThreadReport Thread(ThreadSnapshot t) => new(
        t.Tid, Hex(t.Registers.Ip), Hex(t.Registers.Sp), ThreadStateText(t), SignalNames.InMask(t.BlockedSignals));

    private static string ThreadStateText(ThreadSnapshot t) => t.Restart switch
    {
        SyscallRestart.None => "running",
        SyscallRestart.Reissue => $"in syscall {t.SyscallNr}, re-issued on restore",
        SyscallRestart.Interrupted => $"in syscall {t.SyscallNr}, fails with EINTR on restore",
        SyscallRestart.Resume => "checkpointed itself, resumes from its checkpoint call",
        _ => $"restart mode {(uint)t.Restart}",
    };

    private static MappingReport Mapping(MemoryMapping v, uint pageSize)
    {
        string protection = string.Concat(
            v.Protection.HasFlag(MappingProtection.Read) ? "r" : "-",
            v.Protection.HasFlag(MappingProtection.Write) ? "w" : "-",
            v.Protection.HasFlag(MappingProtection.Execute) ? "x" : "-",
            v.IsShared ? "s" : "p");
        return new MappingReport(
            Hex(v.Start), Hex(v.End), protection, VmaKind(v.Kind), v.SavedPages, v.Size / pageSize,
            FlagNames.Of(v.Flags), v.Path ?? SpecialName(v));
    }

    private static string VmaKind(MappingKind kind) => kind switch
    {
        MappingKind.Anonymous => "anon",
        MappingKind.FilePrivate => "file-private",
        MappingKind.FileShared => "file-shared",
        MappingKind.SharedMemory => "shmem",
        MappingKind.Vdso => "vdso",
        MappingKind.Vvar => "vvar",
        _ => $"kind {(uint)kind}",
    };

    private static string? SpecialName(MemoryMapping v) => v switch
    {
        { Kind: MappingKind.Vdso } => "[vdso]",
        { Kind: MappingKind.Vvar } => "[vvar]",
        _ when v.Flags.HasFlag(MappingFlags.Heap) => "[heap]",
        _ when v.Flags.HasFlag(MappingFlags.Stack) => "[stack]",
        _ => null,
    };

    private static FileReport File(OpenFile f) =>
        new(f.Fd, FdKind(f.Kind), FlagNames.OfOpen(f.Flags, f.CloseOnExec), f.Position, f.Path);

    private static string FdKind(OpenFileKind kind) => kind switch
    {
        OpenFileKind.RegularFile => "file",
        OpenFileKind.Directory => "directory",
        OpenFileKind.CharacterDevice => "chardev",
        OpenFileKind.Terminal => "tty",
        OpenFileKind.KckptDevice => "kckpt",
        _ => $"kind {(uint)kind}",
    };

    private static SignalReport Signal(SignalAction a) => new(
        a.Signal,
        SignalNames.Of(a.Signal),
        a.Handler == SignalAction.Ignore ? "SIG_IGN" : Hex(a.Handler),
        string.Join('|', FlagNames.Of(a.Flags, FlagNames.SigAction)));

    private static PendingReport Pending(PendingSignal p) =>
        new(SignalNames.Of(p.Signal), p.IsShared ? "process" : $"thread {p.Tid}", p.Code);
}
