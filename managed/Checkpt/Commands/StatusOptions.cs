using CommandLine;

namespace KCkpt.Cli.Commands;

[Verb("status", HelpText = "Show whether the kckpt kernel module is loaded, its versions and features.")]
internal sealed class StatusOptions : IVerbOptions
{
    public ICommand CreateCommand() => new StatusCommand();
}
