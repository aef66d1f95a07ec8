using KCkpt.Errors;
using KCkpt.Image;
using KCkpt.Restorability;

namespace KCkpt.Cli.Restore;

/// <summary>
/// Everything checkpt checks before it hands an image to kckpt-restore, without the module: the file is a
/// checkpoint image whose every segment has its checksum, and this machine can restore it (<see cref="RestorabilityCheck"/>).
/// The cheap checks come first, so an image for another machine is refused before its pages are read.
/// </summary>
internal static class RestorePreflight
{
    /// <returns>The image, checked.</returns>
    /// <exception cref="RestoreFailedException">Every reason the image cannot be restored here; or the one thing wrong with the file.</exception>
    public static CheckpointImage Check(string path, HostFacts host, Func<string, HostFile> stat)
    {
        if (!File.Exists(path))
        {
            throw new RestoreFailedException(path, Directory.Exists(path) ? "it is a directory, not an image" : "there is no such file");
        }

        var image = Read(path, CheckpointImage.Load);
        var reasons = RestorabilityCheck.Reasons(image, host, stat);
        if (reasons.Count > 0)
        {
            throw new RestoreFailedException(path, reasons);
        }

        Read(path, ImageVerifier.Verify);
        return image;
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
