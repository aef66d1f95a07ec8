using CommandLine;

namespace KCkpt.Cli.Commands;

[Verb("request", HelpText = "Ask a process for a checkpoint, DragonFly's \"send SIGCKPT\": a SIGCKPT handler gets the signal, by default it checkpoints itself to NAME.ckpt in its working directory and runs on, if it ignores SIGCKPT nothing happens (short form: checkpt -s PID).")]
internal sealed class RequestOptions : IVerbOptions
{
    [Value(0, MetaName = "PID", Required = true, HelpText = "The process to ask; you must be allowed to ptrace it.")]
    public int Pid { get; set; }

    [Option("exit", HelpText = "Send SIGCKPTEXIT instead: by default the process checkpoints itself and then exits.")]
    public bool Exit { get; set; }

    [Option('q', "quiet", HelpText = "Print nothing when the request succeeds.")]
    public bool Quiet { get; set; }

    public ICommand CreateCommand() => new RequestCommand(this);
}
