using KCkpt.Interop;
using static KCkpt.Tests.Layout.HeaderFact;

namespace KCkpt.Tests.Layout;

/// <summary>
/// Everything kmod/include/uapi/kckpt.h defines, paired with its C# mirror in KCkpt.Interop.Uapi.
/// A new constant is one line; a new struct is one SizeOf line and one OffsetOf line per field.
/// </summary>
public static class UapiFacts
{
    private const string Version = "struct kckpt_version";

    public static readonly IReadOnlyList<HeaderFact> All =
    [
        Text("KCKPT_DEVICE_NAME", Uapi.DeviceName),
        Text("KCKPT_DEVICE_PATH", Uapi.DevicePath),
        Number("KCKPT_ABI_VERSION", Uapi.AbiVersion),
        Number("KCKPT_VERSION_STRLEN", Uapi.VersionStrLen),
        Number("KCKPT_RELEASE_STRLEN", Uapi.ReleaseStrLen),
        Number("KCKPT_FEAT_CHECKPOINT", Uapi.FeatCheckpoint),
        Number("KCKPT_FEAT_RESTORE", Uapi.FeatRestore),
        Number("KCKPT_FEAT_REQUEST", Uapi.FeatRequest),
        Number("KCKPT_FEAT_TTY_HOOK", Uapi.FeatTtyHook),
        Number("KCKPT_IOC_MAGIC", Uapi.IocMagic),
        Number("KCKPT_IOC_VERSION", Uapi.IocVersion),

        SizeOf<KckptVersion>(Version),
        OffsetOf<KckptVersion>(Version, "size", nameof(KckptVersion.Size)),
        OffsetOf<KckptVersion>(Version, "flags", nameof(KckptVersion.Flags)),
        OffsetOf<KckptVersion>(Version, "abi_version", nameof(KckptVersion.AbiVersion)),
        OffsetOf<KckptVersion>(Version, "reserved", nameof(KckptVersion.Reserved)),
        OffsetOf<KckptVersion>(Version, "features", nameof(KckptVersion.Features)),
        OffsetOf<KckptVersion>(Version, "module_version", nameof(KckptVersion.ModuleVersion)),
        OffsetOf<KckptVersion>(Version, "kernel_release", nameof(KckptVersion.KernelRelease)),
        OffsetOf<KckptVersion>(Version, "pad", nameof(KckptVersion.Pad)),
    ];
}
