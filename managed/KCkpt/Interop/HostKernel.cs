using System.Runtime.InteropServices;
using KCkpt.Errors;

namespace KCkpt.Interop;

/// <summary>Facts about the kernel this process runs on.</summary>
public static class HostKernel
{
    // struct utsname on Linux: six char[65] fields: sysname, nodename, release, version, machine, domainname.
    private const int UtsFieldLength = 65;
    private const int UtsFieldCount = 6;
    private const int NodeNameField = 1;
    private const int ReleaseField = 2;
    private const int VersionField = 3;

    /// <summary>The running kernel's release, as `uname -r` prints it.</summary>
    public static string Release => UtsField(ReleaseField);

    /// <summary>The running kernel's version (build number and date), as `uname -v` prints it.</summary>
    public static string Version => UtsField(VersionField);

    /// <summary>The host name the kernel knows, as `uname -n` prints it.</summary>
    public static string NodeName => UtsField(NodeNameField);

    private static unsafe string UtsField(int field)
    {
        byte* buffer = stackalloc byte[UtsFieldLength * UtsFieldCount];
        if (Libc.Uname(buffer) != 0)
        {
            throw ErrnoMapper.FromErrno(Marshal.GetLastPInvokeError(), "uname");
        }

        return CString.Decode(new ReadOnlySpan<byte>(buffer + field * UtsFieldLength, UtsFieldLength));
    }
}
