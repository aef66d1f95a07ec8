using System.Reflection;
using CommandLine;
using CommandLine.Text;

namespace KCkpt.Cli;

/// <summary>The version line and the help text (with errors, when there were any) of checkpt.</summary>
internal static class HelpScreen
{
    /// <summary>checkpt's version: the VERSION file of the source tree it was built from.</summary>
    public static string Version { get; } =
        typeof(HelpScreen).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    public static string VersionLine { get; } = $"checkpt {Version}";

    /// <summary>Help for a command line that did not parse: the verb list or one verb's options, errors, exit codes.</summary>
    public static string For(NotParsed<object> result)
    {
        // An unknown verb gets the list of verbs; CommandLineParser alone would show the global options.
        if (result.Errors.Any(e => e.Tag == ErrorType.BadVerbSelectedError))
        {
            return HelpText.AutoBuild(
                result,
                help => HelpText.DefaultParsingErrorsHandler(result, Customize(help)),
                example => example,
                verbsIndex: true);
        }

        return HelpText.AutoBuild(result, Customize);
    }

    private static HelpText Customize(HelpText help)
    {
        help.Heading = VersionLine;
        help.Copyright = string.Empty;
        help.AddPostOptionsLines(ExitCodes.Documented.Select(e => $"  {e.Code}  {e.Meaning}").Prepend("Exit codes:"));
        return help;
    }
}
