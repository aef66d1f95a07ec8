using CommandLine;

namespace KCkpt.Cli.Commands;

[Verb("info", HelpText = "Describe an image: the process, its memory, files and signals, and whether it can be restored here.")]
internal sealed class InfoOptions : IVerbOptions
{
    [Value(0, MetaName = "FILE", Required = true, HelpText = "The image to describe.")]
    public string File { get; set; } = string.Empty;

    [Option("json", HelpText = "Print the description as JSON.")]
    public bool Json { get; set; }

    public ICommand CreateCommand() => new InfoCommand(this);
}
