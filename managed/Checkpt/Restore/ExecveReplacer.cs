namespace KCkpt.Cli.Restore;

/// <summary>The real <see cref="IProcessReplacer"/>: flushes the console, then execve (fds 0-2 stay open across it).</summary>
internal sealed class ExecveReplacer : IProcessReplacer
{
    public void Replace(string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        ProgramExecution.ReplaceCurrentProcess(path, argv, environment);
    }
}
