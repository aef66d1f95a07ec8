using System.Runtime.Versioning;
using KCkpt.Checkpointing;
using KCkpt.Errors;

namespace KCkpt.Tests.Checkpointing;

[SupportedOSPlatform("linux")]
public sealed class ImageTempFileTests : IDisposable
{
    private readonly ScratchDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private string Target => Path.Combine(dir.Path, "sleep.ckpt");

    [Fact]
    public void TempFileIsAHiddenSiblingOfTheTargetWithMode0600()
    {
        using var temp = ImageTempFile.CreateFor(Target);

        Path.GetDirectoryName(temp.Path).Should().Be(dir.Path);
        Path.GetFileName(temp.Path).Should().MatchRegex(@"^\.sleep\.ckpt\.[A-Za-z0-9]{6}\.tmp$");
        File.GetUnixFileMode(temp.Path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        temp.Length.Should().Be(0);
    }

    [Fact]
    public void TempFileIsRemovedWhenDisposedWithoutCommit()
    {
        string path;
        using (var temp = ImageTempFile.CreateFor(Target))
        {
            path = temp.Path;
        }

        File.Exists(path).Should().BeFalse();
        Directory.EnumerateFileSystemEntries(dir.Path).Should().BeEmpty();
    }

    [Fact]
    public void CommitRenamesTheWrittenFileIntoPlace()
    {
        using (var temp = ImageTempFile.CreateFor(Target))
        {
            RandomAccess.Write(temp.Handle, "image"u8, 0);
            temp.Length.Should().Be(5);
            temp.Commit(replace: false);
        }

        File.ReadAllText(Target).Should().Be("image");
        Directory.EnumerateFileSystemEntries(dir.Path).Should().Equal(Target);
    }

    [Fact]
    public void CommitWithoutReplaceKeepsAnExistingFileAndTheImage()
    {
        File.WriteAllText(Target, "older");
        string kept;
        using (var temp = ImageTempFile.CreateFor(Target))
        {
            kept = temp.Path;
            temp.Invoking(t => t.Commit(replace: false)).Should().Throw<KckptException>()
                .WithMessage($"cannot rename the image to {Target} (renameat2: File exists (errno 17)); it is kept as {kept}");
        }

        File.ReadAllText(Target).Should().Be("older");
        File.Exists(kept).Should().BeTrue();
    }

    [Fact]
    public void CommitWithReplaceOverwrites()
    {
        File.WriteAllText(Target, "older");
        using (var temp = ImageTempFile.CreateFor(Target))
        {
            RandomAccess.Write(temp.Handle, "newer"u8, 0);
            temp.Commit(replace: true);
        }

        File.ReadAllText(Target).Should().Be("newer");
        Directory.EnumerateFileSystemEntries(dir.Path).Should().Equal(Target);
    }
}
