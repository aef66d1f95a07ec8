namespace KCkpt.Tests;

/// <summary>A fresh temporary directory, removed with everything in it on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("kckpt-test-");

    public string Path => directory.FullName;

    public void Dispose() => directory.Delete(recursive: true);
}
