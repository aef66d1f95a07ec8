using KCkpt.Errors;

namespace KCkpt.Image;

/// <summary>A checkpoint image breaks the format of kckpt.h: what is wrong, and where in the file.</summary>
public sealed class ImageFormatException(string image, long offset, string problem)
    : KckptException($"{image} is not a valid checkpoint image: {problem} (at file offset 0x{offset:x})")
{
    /// <summary>The file offset where the problem was found.</summary>
    public long Offset { get; } = offset;

    /// <summary>The problem alone, without the image name and offset.</summary>
    public string Problem { get; } = problem;
}
