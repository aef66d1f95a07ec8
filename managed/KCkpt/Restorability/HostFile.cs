using System.Runtime.InteropServices;
using KCkpt.Image;

namespace KCkpt.Restorability;

/// <summary>A file as this machine has it now: its identity, or why there is none.</summary>
public readonly record struct HostFile(FileIdentity? Identity, string? Problem)
{
    /// <summary>Looks <paramref name="path"/> up with statx (following symlinks, as the kernel saw the file).</summary>
    public static HostFile Stat(string path)
    {
        if (Interop.Libc.Statx(Interop.Libc.AtFdCwd, path, 0, Interop.Libc.StatxBasicStats, out var st) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return new HostFile(null, errno is Interop.Errno.ENOENT or Interop.Errno.ENOTDIR ? "is missing" : $"cannot be checked ({Marshal.GetPInvokeErrorMessage(errno)})");
        }

        return new HostFile(
            new FileIdentity(FileIdentity.EncodeDevice(st.DevMajor, st.DevMinor), st.Ino, st.Size, st.Mtime.Sec, st.Mtime.Nsec),
            null);
    }
}
