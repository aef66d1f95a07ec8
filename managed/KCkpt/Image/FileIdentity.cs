namespace KCkpt.Image;

/// <summary>
/// What identifies a file's contents at checkpoint time: device (the kernel's new_encode_dev form),
/// inode, size and modification time.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode, ulong Size, long MtimeSec, uint MtimeNsec)
{
    /// <summary>The major number of <see cref="Device"/> (new_decode_dev).</summary>
    public uint DeviceMajor => (uint)((Device & 0xfff00) >> 8);

    /// <summary>The minor number of <see cref="Device"/> (new_decode_dev).</summary>
    public uint DeviceMinor => (uint)((Device & 0xff) | ((Device >> 12) & 0xfff00));

    /// <summary>new_encode_dev(MKDEV(major, minor)), as kckpt.ko stores device numbers.</summary>
    public static ulong EncodeDevice(uint major, uint minor) => (minor & 0xffUL) | ((ulong)major << 8) | ((minor & ~0xffUL) << 12);
}
