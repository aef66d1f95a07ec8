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
        typeof(DumpOptions),
        typeof(RequestOptions),
        typeof(RestoreOptions),
        typeof(InfoOptions),
        typeof(VerifyOptions),
        typeof(TtyOptions),
    ];

    /// <summary>Parses <paramref name="args"/> after translating DragonFly's short forms (<see cref="ShortForms"/>).</summary>
    public static ParserResult<object> Parse(string[] args)
    {
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = null;
            settings.AutoHelp = true;
            settings.AutoVersion = true;
            settings.AllowMultiInstance = true; // dump --label a=b --label c=d
        });
        return parser.ParseArguments(ShortForms.Translate(args), Verbs);
    }
}
