using System.Runtime.InteropServices;
using KCkpt.Errors;
using KCkpt.Interop;

namespace KCkpt;

/// <summary>An open handle on the kckpt misc device (/dev/kckpt).</summary>
public sealed class KckptDevice : IDisposable
{
    private readonly SafeFileDescriptor fd;

    private KckptDevice(SafeFileDescriptor fd, string path)
    {
        this.fd = fd;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens the device read-write, close-on-exec.</summary>
    /// <exception cref="ModuleNotLoadedException">The device node is missing or has no driver.</exception>
    /// <exception cref="KckptPermissionException">The caller may not open it.</exception>
    public static KckptDevice Open(string path = Uapi.DevicePath)
    {
        int fd = Libc.Open(path, Libc.ORdWr | Libc.OCloExec);
        if (fd < 0)
        {
            throw ErrnoMapper.FromDeviceErrno(Marshal.GetLastPInvokeError(), "open", path);
        }

        return new KckptDevice(new SafeFileDescriptor(fd), path);
    }

    /// <summary>Asks the module for its versions and features (KCKPT_IOC_VERSION).</summary>
    /// <exception cref="AbiMismatchException">The module speaks another ABI version.</exception>
    public unsafe ModuleVersionInfo GetVersion()
    {
        var answer = new KckptVersion { Size = (uint)Marshal.SizeOf<KckptVersion>() };
        if (Libc.Ioctl(fd, Uapi.IocVersion, &answer) < 0)
        {
            throw ErrnoMapper.FromDeviceErrno(Marshal.GetLastPInvokeError(), "KCKPT_IOC_VERSION on", Path);
        }

        var info = ModuleVersionInfo.FromNative(answer);
        info.EnsureAbiCompatible();
        return info;
    }

    public void Dispose() => fd.Dispose();
}
