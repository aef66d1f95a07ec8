namespace KCkpt.Cli.Restore;

/// <summary>Turns this process into another program: execve, so the pid, terminal and process group stay.</summary>
internal interface IProcessReplacer
{
    /// <summary>Executes <paramref name="path"/> in place of this process; does not return when that works.</summary>
    /// <exception cref="Errors.KckptException">execve failed; this process runs on.</exception>
    void Replace(string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment);
}
