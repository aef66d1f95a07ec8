using KCkpt.Tests.Image;

namespace KCkpt.Tests.Cli;

/// <summary>
/// The setup of the tests of the commands that read an image file (info, verify): images written as files into a
/// scratch directory, which goes away with everything in it on dispose.
/// </summary>
internal sealed class ImageFiles : IDisposable
{
    private readonly ScratchDirectory dir = new();

    /// <summary>The scratch directory, for files that are no image or no file at all.</summary>
    public string Directory => dir.Path;

    /// <summary><see cref="TestImageBuilder"/>'s image as it comes, as a file.</summary>
    public string WriteDefault() => Write(new TestImageBuilder().Build());

    /// <summary><paramref name="image"/> as a file; its path.</summary>
    public string Write(BuiltImage image) => image.WriteTo(dir.Path);

    public void Dispose() => dir.Dispose();
}
