namespace KCkpt.Cli;

/// <summary>
/// .NET initialises the console the first time anything asks about the terminal (CommandLineParser asks for its
/// width whenever it builds a parser) and then writes the terminfo keypad_xmit string to it, switching cursor and
/// keypad keys into "application" mode, which it never switches back. checkpt reads no keys, and checkpt -r hands the
/// terminal to the restored process, which must find it as the user left it. So the console is initialised here,
/// first, with TERM hidden for that moment: without terminfo .NET writes nothing; the width still comes from the
/// terminal (TIOCGWINSZ).
/// </summary>
internal static class TerminalInitialization
{
    private const string TermVariable = "TERM";

    public static void WithoutKeypadTransmitMode()
    {
        if (Console.IsInputRedirected && Console.IsOutputRedirected && Console.IsErrorRedirected)
        {
            return; // no terminal to initialise
        }

        string? term = Environment.GetEnvironmentVariable(TermVariable);
        Environment.SetEnvironmentVariable(TermVariable, null);
        try
        {
            _ = Console.WindowWidth;
        }
        catch (IOException)
        {
            // no width to be had: the console is initialised all the same
        }
        finally
        {
            Environment.SetEnvironmentVariable(TermVariable, term);
        }
    }
}
