using KCkpt.Errors;

namespace KCkpt.Cli.Restore;

/// <summary>
/// The --pidfile of a detached restore, written atomically: a temporary file beside it is created before the helper
/// starts (a pid file that cannot be written stops the restore before it begins), then gets the pid and is renamed
/// over it. Disposing it uncommitted removes the temporary file.
/// </summary>
internal sealed class PendingPidFile : IDisposable
{
    private readonly string path;
    private readonly string temporary;
    private bool committed;

    private PendingPidFile(string path, string temporary)
    {
        this.path = path;
        this.temporary = temporary;
    }

    /// <exception cref="RestoreFailedException">The directory of <paramref name="path"/> cannot take the file.</exception>
    public static PendingPidFile Create(string path, string image)
    {
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            new FileStream(temporary, FileMode.CreateNew, FileAccess.Write).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RestoreFailedException(image, $"cannot write the pid file {path}: {e.Message}");
        }

        return new PendingPidFile(path, temporary);
    }

    /// <summary>Writes "<paramref name="pid"/>\n" and renames the file to its name, replacing what was there.</summary>
    /// <exception cref="KckptException">Writing or renaming failed (the process runs nonetheless).</exception>
    public void Commit(int pid)
    {
        try
        {
            File.WriteAllText(temporary, $"{pid}\n");
            File.Move(temporary, path, overwrite: true);
            committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KckptException($"the restored process runs as pid {pid}, but the pid file {path} could not be written: {e.Message}");
        }
    }

    public void Dispose()
    {
        if (!committed)
        {
            File.Delete(temporary);
        }
    }
}
