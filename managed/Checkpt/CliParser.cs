using CommandLine;
using KCkpt.Cli.Commands;

namespace KCkpt.Cli;

/// <summary>Parses checkpt's command line into one verb's options.</summary>
internal static class CliParser
{
    /// <summary>Every verb's options class; a new verb adds one line here.</summary>
    private static readonly Type[] Verbs =
    [
        typeof(StatusOptions),
    ];

    public static ParserResult<object> Parse(IEnumerable<string> args)
    {
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = null;
            settings.AutoHelp = true;
            settings.AutoVersion = true;
        });
        return parser.ParseArguments(args, Verbs);
    }
}
