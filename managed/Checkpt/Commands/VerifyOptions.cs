using CommandLine;

namespace KCkpt.Cli.Commands;

[Verb("verify", HelpText = "Check an image's structure and the checksum of every saved page.")]
internal sealed class VerifyOptions : IVerbOptions
{
    [Value(0, MetaName = "FILE", Required = true, HelpText = "The image to check.")]
    public string File { get; set; } = string.Empty;

    public ICommand CreateCommand() => new VerifyCommand(this);
}
