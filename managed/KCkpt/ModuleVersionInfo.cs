using KCkpt.Errors;
using KCkpt.Interop;

namespace KCkpt;

/// <summary>What the loaded kckpt module says about itself (KCKPT_IOC_VERSION).</summary>
public sealed record ModuleVersionInfo(uint AbiVersion, string ModuleVersion, string KernelRelease, ulong Features)
{
    private static readonly (ulong Bit, string Name)[] FeatureTable =
    [
        (Uapi.FeatCheckpoint, "checkpoint"),
        (Uapi.FeatRestore, "restore"),
        (Uapi.FeatRequest, "request"),
        (Uapi.FeatTtyHook, "tty-hook"),
        (Uapi.FeatRestoreDryRun, "restore-dry-run"),
    ];

    public static unsafe ModuleVersionInfo FromNative(KckptVersion answer) => new(
        answer.AbiVersion,
        CString.Decode(new ReadOnlySpan<byte>(answer.ModuleVersion, Uapi.VersionStrLen)),
        CString.Decode(new ReadOnlySpan<byte>(answer.KernelRelease, Uapi.ReleaseStrLen)),
        answer.Features);

    /// <summary>Names of the feature bits, lowest first; bits this KCkpt does not know appear as hex (0x10).</summary>
    public IReadOnlyList<string> FeatureNames()
    {
        var names = new List<string>();
        for (int bit = 0; bit < 64; bit++)
        {
            ulong mask = 1UL << bit;
            if ((Features & mask) != 0)
            {
                names.Add(FeatureTable.FirstOrDefault(f => f.Bit == mask).Name ?? $"0x{mask:x}");
            }
        }

        return names;
    }

    /// <summary>Throws <see cref="AbiMismatchException"/> unless the module speaks this KCkpt's ABI version.</summary>
    public void EnsureAbiCompatible()
    {
        if (AbiVersion != Uapi.AbiVersion)
        {
            throw new AbiMismatchException(AbiVersion, ModuleVersion, Uapi.AbiVersion);
        }
    }
}
