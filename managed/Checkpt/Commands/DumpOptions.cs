using CommandLine;
using KCkpt.Cli.Dump;

namespace KCkpt.Cli.Commands;

[Verb("dump", HelpText = "Checkpoint a running process to an image file and let it run on (short form: checkpt -c PID).")]
internal sealed class DumpOptions : IVerbOptions
{
    [Value(0, MetaName = "PID", Required = true, HelpText = "The process to checkpoint; you must be allowed to ptrace it.")]
    public int Pid { get; set; }

    [Option('o', "output", MetaValue = "FILE", HelpText = "The image file (default: NAME.ckpt in the current directory, NAME being the process's name).")]
    public string? Output { get; set; }

    [Option("kill", SetName = "kill", HelpText = "Kill the process once its image is written.")]
    public bool Kill { get; set; }

    [Option("stop", SetName = "stop", HelpText = "Stop the process (as SIGSTOP does) once its image is written.")]
    public bool Stop { get; set; }

    [Option('f', "force", HelpText = "Replace FILE if it exists.")]
    public bool Force { get; set; }

    [Option('q', "quiet", HelpText = "Print nothing when the checkpoint succeeds.")]
    public bool Quiet { get; set; }

    [Option("label", MetaValue = "KEY=VALUE", HelpText = "Labels to store in the image's manifest (after PID: dump PID --label a=b --label c=d).")]
    public IEnumerable<ImageLabel> Labels { get; set; } = [];

    public ICommand CreateCommand() => new DumpCommand(this);
}
