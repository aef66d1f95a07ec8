using KCkpt.Errors;

namespace KCkpt;

/// <summary>What the loaded kckpt module says about itself (KCKPT_IOC_VERSION).</summary>
public sealed record ModuleVersionInfo(uint AbiVersion, string ModuleVersion, string KernelRelease, ModuleFeatures Features)
{
    /// <summary>The ABI version this KCkpt speaks (KCKPT_ABI_VERSION).</summary>
    public const uint SupportedAbiVersion = Interop.Uapi.AbiVersion;

    private static readonly (ModuleFeatures Bit, string Name)[] FeatureTable =
    [
        (ModuleFeatures.Checkpoint, "checkpoint"),
        (ModuleFeatures.Restore, "restore"),
        (ModuleFeatures.Request, "request"),
        (ModuleFeatures.TtyHook, "tty-hook"),
        (ModuleFeatures.RestoreDryRun, "restore-dry-run"),
    ];

    internal static unsafe ModuleVersionInfo FromNative(Interop.Uapi.KckptVersion answer) => new(
        answer.AbiVersion,
        Interop.CString.Decode(new ReadOnlySpan<byte>(answer.ModuleVersion, Interop.Uapi.VersionStrLen)),
        Interop.CString.Decode(new ReadOnlySpan<byte>(answer.KernelRelease, Interop.Uapi.ReleaseStrLen)),
        (ModuleFeatures)answer.Features);

    /// <summary>Names of the feature bits, lowest first; bits this KCkpt does not know appear as hex (0x10).</summary>
    public IReadOnlyList<string> FeatureNames()
    {
        var names = new List<string>();
        for (int bit = 0; bit < 64; bit++)
        {
            var mask = (ModuleFeatures)(1UL << bit);
            if (Features.HasFlag(mask))
            {
                names.Add(FeatureTable.FirstOrDefault(f => f.Bit == mask).Name ?? $"0x{(ulong)mask:x}");
            }
        }

        return names;
    }

    /// <summary>Throws <see cref="AbiMismatchException"/> unless the module speaks this KCkpt's ABI version.</summary>
    public void EnsureAbiCompatible()
    {
        if (AbiVersion != SupportedAbiVersion)
        {
            throw new AbiMismatchException(AbiVersion, ModuleVersion, SupportedAbiVersion);
        }
    }
}
