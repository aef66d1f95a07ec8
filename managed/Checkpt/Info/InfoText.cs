using System.Globalization;

namespace KCkpt.Cli.Info;

/// <summary>checkpt info's text output.</summary>
internal static class InfoText
{
    public static void Write(TextWriter output, InfoReport r)
    {
        Field(output, "image", $"{r.Image} (format {r.FormatVersion}, written by kckpt {r.ModuleVersion})");
        Field(output, "program", r.Program ?? "unknown");
        Field(output, "command line", r.CommandLine);
        Field(output, "process", $"pid {r.Pid} ({r.Comm}), parent {r.Ppid}, process group {r.Pgid}, session {r.Sid}{(r.SelfCheckpoint ? ", checkpointed itself" : string.Empty)}");
        Field(output, "user", $"uid {r.Uid} gid {r.Gid} (effective uid {r.Euid} gid {r.Egid})");
        Field(output, "taken", $"{r.Taken.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)} on {r.Host}{(r.RequestedBy is null ? string.Empty : $" by {r.RequestedBy}")}");
        Field(output, "kernel", $"{r.KernelRelease} {r.KernelVersion}");
        Field(output, "size", $"{Sizes.MiB(r.ImageBytes)} image, {Sizes.MiB(r.SavedMemoryBytes)} memory saved of {Sizes.MiB(r.MappedBytes)} mapped");
        Field(output, "cwd", r.Cwd);
        Field(output, "labels", r.Labels.Count == 0 ? "none" : string.Join(", ", r.Labels.Select(l => $"{l.Key}={l.Value}")));
        if (r.ManifestProblem is not null)
        {
            Field(output, "manifest", r.ManifestProblem);
        }

        output.WriteLine();
        output.WriteLine("threads:");
        TextTable.Write(
            output,
            ["TID", "IP", "SP", "STATE", "BLOCKED"],
            r.Threads.Select(t => new[] { Number(t.Tid), t.Ip, t.Sp, t.State, t.Blocked.Count == 0 ? "none" : string.Join(' ', t.Blocked) }));

        output.WriteLine();
        output.WriteLine("memory map:");
        TextTable.Write(
            output,
            ["START-END", "PROT", "KIND", "SAVED", "PATH"],
            r.MemoryMap.Select(m => new[] { $"{m.Start}-{m.End}", m.Protection, m.Kind, $"{Number(m.SavedPages)}/{Number(m.Pages)}", m.Path ?? string.Empty }));

        output.WriteLine();
        output.WriteLine("open files:");
        if (r.OpenFiles.Count == 0)
        {
            output.WriteLine("  none");
        }
        else
        {
            TextTable.Write(
                output,
                ["FD", "KIND", "FLAGS", "POSITION", "PATH"],
                r.OpenFiles.Select(f => new[] { Number(f.Fd), f.Kind, f.Flags, Number(f.Position), f.Path ?? string.Empty }));
        }

        output.WriteLine();
        output.WriteLine("signal handlers:");
        if (r.SignalHandlers.Count == 0)
        {
            output.WriteLine("  none (every signal has its default action)");
        }
        else
        {
            TextTable.Write(
                output,
                ["SIGNAL", "HANDLER", "FLAGS"],
                r.SignalHandlers.Select(s => new[] { s.Name, s.Handler, s.Flags }));
        }

        output.WriteLine();
        Field(output, "pending signals", r.PendingSignals.Count == 0 ? "none" : string.Join(", ", r.PendingSignals.Select(p => $"{p.Signal} (for the {p.Queue})")));

        output.WriteLine();
        Field(output, "restorable here", r.Restorable ? "yes" : "no");
        foreach (string reason in r.NotRestorableBecause)
        {
            output.WriteLine($"  - {reason}");
        }
    }

    private static void Field(TextWriter output, string name, string value) => output.WriteLine($"{name + ":",-17}{value}");

    private static string Number<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
