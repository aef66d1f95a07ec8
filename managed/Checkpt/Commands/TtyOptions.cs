using CommandLine;

namespace KCkpt.Cli.Commands;

[Verb("tty", HelpText = "Switch this terminal's checkpoint character on or off (kckpt_tty.ko): with it on, ^E checkpoints the foreground job to <name>.ckpt.")]
internal sealed class TtyOptions : IVerbOptions
{
    [Value(0, MetaName = "on|off|status", HelpText = "on: use kckpt_tty's line discipline; off: back to the ordinary one (n_tty); status (default): show which and the character.")]
    public string Action { get; set; } = "status";

    [Option('t', "terminal", MetaValue = "PATH", HelpText = "The terminal to act on (default: standard input, else the controlling terminal).")]
    public string? Terminal { get; set; }

    public ICommand CreateCommand() => new TtyCommand(this);
}
