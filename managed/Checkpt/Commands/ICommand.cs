namespace KCkpt.Cli.Commands;

/// <summary>The work behind one verb; returns an exit code from <see cref="ExitCodes"/>.</summary>
internal interface ICommand
{
    int Execute(CommandContext context);
}
