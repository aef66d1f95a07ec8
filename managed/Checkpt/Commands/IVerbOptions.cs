namespace KCkpt.Cli.Commands;

/// <summary>The parsed options of one verb; knows which command runs them.</summary>
internal interface IVerbOptions
{
    ICommand CreateCommand();
}
