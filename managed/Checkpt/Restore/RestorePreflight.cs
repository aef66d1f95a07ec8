using KCkpt.Errors;
using KCkpt.Image;
using KCkpt.Restorability;

namespace KCkpt.Cli.Restore;

/// <summary>
/// Everything checkpt checks before it hands an image to kckpt-restore: the file is a checkpoint image, this
/// machine can restore it (<see cref="RestorabilityCheck"/>: kernel, CPU, the files it needs), the kernel itself
/// would restore it for this process (a dry-run RESTORE_BEGIN: the one set of rules on owners and credentials),
/// and every segment has its checksum. The cheap checks come first, so an image for another machine is refused
/// before its pages are read.
/// </summary>
internal static class RestorePreflight
{
    /// <returns>The image, read (its format checked, nothing else).</returns>
    /// <exception cref="RestoreFailedException">The one thing wrong with the file.</exception>
    public static CheckpointImage Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RestoreFailedException(path, Directory.Exists(path) ? "it is a directory, not an image" : "there is no such file");
        }

        return Read(path, CheckpointImage.Load);
    }

    /// <param name="kernelRefusals">The kernel's reasons for refusing the image (none: it would restore it).</param>
    /// <exception cref="RestoreFailedException">Every reason this machine cannot restore the image; or the kernel's; or the damage.</exception>
    public static void Check(
        string path, CheckpointImage image, HostFacts host, Func<string, HostFile> stat, Func<string, IReadOnlyList<string>> kernelRefusals)
    {
        var reasons = RestorabilityCheck.Reasons(image, host, stat);
        if (reasons.Count > 0)
        {
            throw new RestoreFailedException(path, reasons);
        }

        if (Read(path, kernelRefusals) is { Count: > 0 } refusals)
        {
            throw new RestoreFailedException(path, refusals);
        }

        Read(path, ImageVerifier.Verify);
    }

    private static T Read<T>(string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (ImageFormatException e)
        {
            throw new RestoreFailedException(path, $"the image is invalid or damaged: {e.Problem} (at file offset 0x{e.Offset:x})");
        }
        catch (KckptException e) when (e is not RestoreFailedException)
        {
            throw new RestoreFailedException(path, e.Message, e.Errno);
        }
    }
}
