using CommandLine;

namespace KCkpt.Cli.Commands;

[Verb("restore", HelpText = "Restore a process from an image: checkpt becomes it, keeping its pid, terminal and process group (short form: checkpt -r FILE).")]
internal sealed class RestoreOptions : IVerbOptions
{
    [Value(0, MetaName = "FILE", Required = true, HelpText = "The image; checked first (checksums, kernel, CPU, files, and the kernel's own verdict: owner, credentials, the file's owner), nothing happens when it cannot be restored here.")]
    public string File { get; set; } = string.Empty;

    [Option("resume-code", MetaValue = "N", HelpText = "What a process that checkpointed itself sees from its checkpoint call, 1 to 2147483647 (default: the code stored in the image, 1 unless the program asked otherwise).")]
    public long? ResumeCode { get; set; }

    [Option("same-pid", HelpText = "Restore under the pid the process had, as a child of checkpt that mirrors it (needs root: CAP_CHECKPOINT_RESTORE); fails if that pid is in use.")]
    public bool SamePid { get; set; }

    [Option("as-owner", HelpText = "As root: restore another user's image as that user (checkpt becomes its uid and gid, with no supplementary groups, before anything else); without it root may restore only root's own images.")]
    public bool AsOwner { get; set; }

    [Option("detach", HelpText = "Start the restored process in a session of its own and return at once, instead of becoming it (needs --pidfile).")]
    public bool Detach { get; set; }

    [Option("pidfile", MetaValue = "PIDFILE", HelpText = "With --detach: write the restored process's pid to PIDFILE.")]
    public string? PidFile { get; set; }

    [Option('q', "quiet", HelpText = "With --detach: print nothing when the restored process has started.")]
    public bool Quiet { get; set; }

    public ICommand CreateCommand() => new RestoreCommand(this);
}
