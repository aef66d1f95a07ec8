namespace KCkpt.Cli.Restore;

/// <summary>Starts another program as a child, without waiting for it.</summary>
internal interface IProcessStarter
{
    /// <summary>Starts <paramref name="path"/> with the terminal's fds 0-2 and returns its pid.</summary>
    /// <exception cref="Errors.KckptException">It could not be started.</exception>
    int Start(string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment);
}
