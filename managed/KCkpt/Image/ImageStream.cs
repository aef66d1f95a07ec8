using KCkpt.Errors;

namespace KCkpt.Image;

/// <summary>Opens image files for reading, turning I/O failures into one-line <see cref="KckptException"/>s.</summary>
internal static class ImageStream
{
    public static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KckptException($"cannot read {path}: {e.Message}");
        }
    }
}
