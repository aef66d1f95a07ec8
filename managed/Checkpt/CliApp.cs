using CommandLine;
using KCkpt.Cli.Commands;
using KCkpt.Cli.Restore;
using KCkpt.Errors;

namespace KCkpt.Cli;

/// <summary>
/// checkpt as a function: parses the arguments, runs the verb, turns failures into messages and exit codes.
/// <paramref name="errorIsTerminal"/> allows progress bars on the error stream; <paramref name="restoreHost"/> replaces
/// what restore uses of the process (tests).
/// </summary>
internal sealed class CliApp(string devicePath, bool errorIsTerminal = false, RestoreHost? restoreHost = null)
{
    public int Run(string[] args, TextWriter output, TextWriter error)
    {
        var result = CliParser.Parse(args);
        return result switch
        {
            Parsed<object> { Value: IVerbOptions options } => Execute(options, new CommandContext(output, error, devicePath, errorIsTerminal, restoreHost)),
            NotParsed<object> notParsed => ReportNotParsed(notParsed, output, error),
            _ => throw new InvalidOperationException($"verb options {result.TypeInfo.Current} do not implement {nameof(IVerbOptions)}"),
        };
    }

    private static int Execute(IVerbOptions options, CommandContext context)
    {
        try
        {
            return options.CreateCommand().Execute(context);
        }
        catch (KckptException e)
        {
            context.Error.WriteLine($"checkpt: {e.Message}");
            return ExitCodes.For(e);
        }
        catch (Exception e)
        {
            context.Error.WriteLine($"checkpt: unexpected {e.GetType().Name}: {e.Message}");
            return ExitCodes.Error;
        }
    }

    private static int ReportNotParsed(NotParsed<object> result, TextWriter output, TextWriter error)
    {
        if (result.Errors.IsVersion())
        {
            output.WriteLine(HelpScreen.VersionLine);
            return ExitCodes.Ok;
        }

        if (result.Errors.IsHelp())
        {
            output.WriteLine(HelpScreen.For(result));
            return ExitCodes.Ok;
        }

        error.WriteLine(HelpScreen.For(result));
        return ExitCodes.Usage;
    }
}
