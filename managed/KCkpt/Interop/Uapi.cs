using System.Runtime.InteropServices;

namespace KCkpt.Interop;

/// <summary>
/// The one C# mirror of kmod/include/uapi/kckpt.h. Names follow the header
/// (KCKPT_FOO_BAR is FooBar here); the host test UapiLayoutTests checks every
/// value, size and offset against the header compiled with cc.
/// </summary>
public static class Uapi
{
    public const string DeviceName = "kckpt";
    public const string DevicePath = "/dev/kckpt";

    public const uint AbiVersion = 1;

    public const int VersionStrLen = 32;
    public const int ReleaseStrLen = 65;

    public const ulong FeatCheckpoint = 1UL << 0;
    public const ulong FeatRestore = 1UL << 1;
    public const ulong FeatRequest = 1UL << 2;
    public const ulong FeatTtyHook = 1UL << 3;

    public const uint IocMagic = 0xCE;

    public static readonly uint IocVersion = Ioctl.ReadWrite(IocMagic, 0x00, Marshal.SizeOf<KckptVersion>());
}

/// <summary>struct kckpt_version: the answer of KCKPT_IOC_VERSION.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct KckptVersion
{
    public uint Size;
    public uint Flags;
    public uint AbiVersion;
    public uint Reserved;
    public ulong Features;
    public fixed byte ModuleVersion[Uapi.VersionStrLen];
    public fixed byte KernelRelease[Uapi.ReleaseStrLen];
    public fixed byte Pad[7];
}
