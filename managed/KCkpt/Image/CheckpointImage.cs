using KCkpt.Errors;
using KCkpt.Manifest;

namespace KCkpt.Image;

/// <summary>
/// A checkpoint image (.ckpt) as read from its ELF program headers and notes. Reading never trusts the file:
/// anything that breaks the format of kckpt.h is an <see cref="ImageFormatException"/>. Page data is not loaded.
/// </summary>
public sealed class CheckpointImage
{
    public required long FileSize { get; init; }

    public required IReadOnlyList<ProgramHeader> ProgramHeaders { get; init; }

    public required ImageHeader Header { get; init; }

    public required ProcessSnapshot Process { get; init; }

    public required IReadOnlyList<ThreadSnapshot> Threads { get; init; }

    /// <summary>The disposition of signals 1 to KCKPT_NSIG; entry n - 1 is signal n.</summary>
    public required IReadOnlyList<SignalAction> SigActions { get; init; }

    public required IReadOnlyList<PendingSignal> PendingSignals { get; init; }

    public required IReadOnlyList<MemoryMapping> Vmas { get; init; }

    public required IReadOnlyList<OpenFile> Fds { get; init; }

    public required IReadOnlyList<ImageSegment> Segments { get; init; }

    public required string Cwd { get; init; }

    /// <summary>The executable, when the kernel found the mapping that holds the code.</summary>
    public required string? Exe { get; init; }

    /// <summary>The start of the command line from NT_PRPSINFO (pr_psargs, at most 79 bytes), when present.</summary>
    public required string? CommandLine { get; init; }

    /// <summary>The manifest the requester passed, when there was one and it is a valid ImageManifest.</summary>
    public required ImageManifest? Manifest { get; init; }

    /// <summary>Why the KCKPT_NT_MANIFEST note's bytes are not an ImageManifest; null when they are or there are none.</summary>
    public required string? ManifestProblem { get; init; }

    /// <summary>Reads the image at <paramref name="path"/>.</summary>
    /// <exception cref="ImageFormatException">The file is not a valid checkpoint image.</exception>
    /// <exception cref="KckptException">The file cannot be read.</exception>
    public static CheckpointImage Load(string path)
    {
        using var stream = ImageStream.Open(path);
        return Read(stream, path);
    }

    /// <summary>Reads an image from a seekable stream; <paramref name="name"/> names it in error messages.</summary>
    /// <exception cref="ImageFormatException">The stream does not hold a valid checkpoint image.</exception>
    public static CheckpointImage Read(Stream stream, string name) => ImageReader.Read(new ImageFile(stream, name));
}
