using System.Runtime.InteropServices;
using static Interop.Errno;

namespace KCkpt.Errors;

/// <summary>Turns a failed system call's errno into the exception that explains it to the user.</summary>
public static class ErrnoMapper
{
    /// <summary>Maps the errno of <paramref name="operation"/> (e.g. "open") on the kckpt device.</summary>
    public static KckptException FromDeviceErrno(int errno, string operation, string devicePath) => errno switch
    {
        ENOENT => new ModuleNotLoadedException(devicePath, "is missing", errno),
        ENODEV or ENXIO => new ModuleNotLoadedException(devicePath, "has no kckpt driver behind it", errno),
        EACCES or EPERM => new KckptPermissionException(operation, devicePath, StrError(errno), errno),
        _ => FromErrno(errno, $"{operation} {devicePath}"),
    };

    /// <summary>The plain form: "<paramref name="what"/>: strerror text (errno N)".</summary>
    public static KckptException FromErrno(int errno, string what) =>
        new($"{what}: {StrError(errno)} (errno {errno})", errno);

    private static string StrError(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
