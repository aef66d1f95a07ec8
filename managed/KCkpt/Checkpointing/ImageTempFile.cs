using System.Runtime.InteropServices;
using System.Security.Cryptography;
using KCkpt.Errors;
using Microsoft.Win32.SafeHandles;

namespace KCkpt.Checkpointing;

/// <summary>
/// The file an image is written to before it gets its name: created beside the target as .NAME.XXXXXX.tmp,
/// mode 0600, O_EXCL|O_NOFOLLOW. <see cref="Commit"/> syncs it and renames it into place; disposing it before
/// that removes it, so a failed checkpoint leaves nothing behind.
/// </summary>
public sealed class ImageTempFile : IDisposable
{
    private const uint Mode = 0x180; // 0600: images hold the process's secrets
    private const OpenFlags CreateFlags = OpenFlags.WriteOnly | OpenFlags.Create | OpenFlags.Exclusive | OpenFlags.NoFollow | OpenFlags.CloseOnExec;
    private const int Attempts = 16;
    private const string RandomChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private bool committed;

    private ImageTempFile(string path, string targetPath, SafeFileHandle handle)
    {
        Path = path;
        TargetPath = targetPath;
        Handle = handle;
    }

    /// <summary>Where the image is written now.</summary>
    public string Path { get; }

    /// <summary>The name it gets on <see cref="Commit"/>.</summary>
    public string TargetPath { get; }

    /// <summary>Open write-only, for the kernel to write to.</summary>
    public SafeFileHandle Handle { get; }

    /// <summary>Bytes written so far.</summary>
    public long Length => RandomAccess.GetLength(Handle);

    /// <summary>Creates the temporary file in the directory of <paramref name="targetPath"/>.</summary>
    public static ImageTempFile CreateFor(string targetPath)
    {
        string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(targetPath))!;
        string name = System.IO.Path.GetFileName(targetPath);
        for (int attempt = 0; ; attempt++)
        {
            string path = System.IO.Path.Combine(directory, $".{name}.{RandomNumberGenerator.GetString(RandomChars, 6)}.tmp");
            var handle = Interop.Libc.TryOpen(path, CreateFlags, out int errno, Mode);
            if (handle is not null)
            {
                return new ImageTempFile(path, targetPath, handle);
            }

            if (errno != Interop.Errno.EEXIST || attempt == Attempts)
            {
                throw ErrnoMapper.FromErrno(errno, $"cannot create a temporary image file in {directory}");
            }
        }
    }

    /// <summary>Syncs the image to disk and renames it to <see cref="TargetPath"/>, replacing a file there only when asked.</summary>
    /// <exception cref="KckptException">The rename failed; the image stays under <see cref="Path"/>.</exception>
    public void Commit(bool replace)
    {
        if (Interop.Libc.FSync(Handle) != 0)
        {
            throw ErrnoMapper.FromErrno(Marshal.GetLastPInvokeError(), $"fsync {Path}");
        }

        Handle.Dispose();
        committed = true;
        try
        {
            Rename(replace);
        }
        catch (Exception e) when (e is KckptException or IOException or UnauthorizedAccessException)
        {
            throw new KckptException($"cannot rename the image to {TargetPath} ({e.Message}); it is kept as {Path}");
        }
    }

    /// <summary>Closes the file and removes it unless it was committed.</summary>
    public void Dispose()
    {
        Handle.Dispose();
        if (!committed)
        {
            File.Delete(Path);
        }
    }

    private void Rename(bool replace)
    {
        if (replace)
        {
            File.Move(Path, TargetPath, overwrite: true);
            return;
        }

        if (Interop.Libc.RenameAt2(Interop.Libc.AtFdCwd, Path, Interop.Libc.AtFdCwd, TargetPath, Interop.Libc.RenameNoReplace) == 0)
        {
            return;
        }

        int errno = Marshal.GetLastPInvokeError();
        if (errno != Interop.Errno.EINVAL)
        {
            throw ErrnoMapper.FromErrno(errno, "renameat2");
        }

        // This file system has no RENAME_NOREPLACE: File.Move without overwrite links and unlinks, which never replaces.
        File.Move(Path, TargetPath, overwrite: false);
    }
}
