using System.Runtime.InteropServices;
using KCkpt.Errors;

namespace KCkpt;

/// <summary>Facts about the kernel this process runs on.</summary>
public static class HostKernel
{
    /// <summary>The running kernel's release, as `uname -r` prints it.</summary>
    public static unsafe string Release
    {
        get
        {
            var names = Uname();
            return Field(names.Release);
        }
    }

    /// <summary>The running kernel's version (build number and date), as `uname -v` prints it.</summary>
    public static unsafe string Version
    {
        get
        {
            var names = Uname();
            return Field(names.Version);
        }
    }

    /// <summary>The host name the kernel knows, as `uname -n` prints it.</summary>
    public static unsafe string NodeName
    {
        get
        {
            var names = Uname();
            return Field(names.NodeName);
        }
    }

    private static Interop.Libc.UtsName Uname()
    {
        if (Interop.Libc.Uname(out var names) != 0)
        {
            throw ErrnoMapper.FromErrno(Marshal.GetLastPInvokeError(), "uname");
        }

        return names;
    }

    private static unsafe string Field(byte* field) =>
        Interop.CString.Decode(new ReadOnlySpan<byte>(field, Interop.Libc.UtsName.FieldLength));
}
