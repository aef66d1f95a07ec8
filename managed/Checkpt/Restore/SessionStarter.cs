namespace KCkpt.Cli.Restore;

/// <summary>The real <see cref="IProcessStarter"/>: posix_spawn into a session of its own, so the shell's job control and hangup leave it alone.</summary>
internal sealed class SessionStarter : IProcessStarter
{
    public int Start(string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment) =>
        ProgramExecution.StartInNewSession(path, argv, environment);
}
