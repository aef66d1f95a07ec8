namespace KCkpt.Restorability;

/// <summary>What decides whether an image can be restored on this machine, apart from its files.</summary>
public sealed record HostFacts(
    string KernelRelease, string KernelVersion, uint? VdsoCrc32c, ulong SupportedXFeatures, uint EffectiveUid, uint EffectiveGid)
{
    private static readonly Lazy<HostFacts> CurrentFacts = new(() => new HostFacts(
        HostKernel.Release, HostKernel.Version, HostVdso.Crc32c(), HostCpu.SupportedXFeatures(), Interop.Libc.GetEuid(), Interop.Libc.GetEgid()));

    /// <summary>This machine and this process, read once.</summary>
    public static HostFacts Current => CurrentFacts.Value;

    public bool IsRoot => EffectiveUid == 0;
}
