using System.Runtime.InteropServices;
using KCkpt.Errors;

namespace KCkpt.Interop;

/// <summary>Facts about the kernel this process runs on.</summary>
public static class HostKernel
{
    // struct utsname on Linux: six char[65] fields; release is the third.
    private const int UtsFieldLength = 65;
    private const int UtsFieldCount = 6;
    private const int ReleaseField = 2;

    /// <summary>The running kernel's release, as `uname -r` prints it.</summary>
    public static unsafe string Release
    {
        get
        {
            byte* buffer = stackalloc byte[UtsFieldLength * UtsFieldCount];
            if (Libc.Uname(buffer) != 0)
            {
                throw ErrnoMapper.FromErrno(Marshal.GetLastPInvokeError(), "uname");
            }

            return CString.Decode(new ReadOnlySpan<byte>(buffer + ReleaseField * UtsFieldLength, UtsFieldLength));
        }
    }
}
