using System.Runtime.InteropServices;

namespace KCkpt.Restorability;

/// <summary>
/// Becoming an image's owner before restoring it (checkpt -r --as-owner): setgroups (none), setgid, setuid, in that
/// order, through glibc, which applies each to every thread of the process; then every real, effective and saved id
/// is read back. Only root can switch; the kernel then sees credentials that really are the owner's. The owner's
/// supplementary groups are not looked up: the restored process gets none.
/// </summary>
public static partial class OwnerCredentials
{
    private const string Library = "libc";

    /// <summary>The effective uid of this process now.</summary>
    public static uint EffectiveUid => GetEuid();

    /// <summary>Makes every uid <paramref name="uid"/> and every gid <paramref name="gid"/>, no supplementary groups.</summary>
    /// <returns>Null when done (or nothing had to be done); otherwise why not.</returns>
    public static string? Become(uint uid, uint gid)
    {
        if (Are(uid, gid))
        {
            return null;
        }

        if (GetEuid() != 0)
        {
            return $"--as-owner switches to the image's owner (uid {uid} gid {gid}), which only root can do";
        }

        if (SetGroups(0, IntPtr.Zero) != 0 || SetGid(gid) != 0 || SetUid(uid) != 0)
        {
            return $"cannot switch to uid {uid} gid {gid}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
        }

        return Are(uid, gid) ? null : $"switched to uid {uid} gid {gid}, but an id of this process is still another";
    }

    /// <summary>Every uid of this process is <paramref name="uid"/>, every gid <paramref name="gid"/>, and it has no supplementary groups.</summary>
    private static bool Are(uint uid, uint gid) =>
        GetResUid(out uint ruid, out uint euid, out uint suid) == 0 && GetResGid(out uint rgid, out uint egid, out uint sgid) == 0
        && ruid == uid && euid == uid && suid == uid && rgid == gid && egid == gid && sgid == gid
        && GetGroups(0, IntPtr.Zero) == 0;

    [LibraryImport(Library, EntryPoint = "geteuid")]
    private static partial uint GetEuid();

    [LibraryImport(Library, EntryPoint = "getresuid", SetLastError = true)]
    private static partial int GetResUid(out uint ruid, out uint euid, out uint suid);

    [LibraryImport(Library, EntryPoint = "getresgid", SetLastError = true)]
    private static partial int GetResGid(out uint rgid, out uint egid, out uint sgid);

    [LibraryImport(Library, EntryPoint = "getgroups", SetLastError = true)]
    private static partial int GetGroups(int size, IntPtr list);

    [LibraryImport(Library, EntryPoint = "setgroups", SetLastError = true)]
    private static partial int SetGroups(nuint size, IntPtr list);

    [LibraryImport(Library, EntryPoint = "setgid", SetLastError = true)]
    private static partial int SetGid(uint gid);

    [LibraryImport(Library, EntryPoint = "setuid", SetLastError = true)]
    private static partial int SetUid(uint uid);
}
