namespace KCkpt.Image;

/// <summary>The KCKPT_NT_IMAGE note (struct kckpt_image_hdr): who was checkpointed, when, where, on what kernel and CPU.</summary>
public sealed record ImageHeader(
    uint FormatVersion,
    uint AbiVersion,
    ImageFlags Flags,
    uint ResumeCode,
    DateTimeOffset Created,
    uint ThreadCount,
    uint Uid,
    uint Gid,
    uint Euid,
    uint Egid,
    int Pid,
    int Ppid,
    int Pgid,
    int Sid,
    ulong XFeatures,
    uint XStateSize,
    uint PageSize,
    ulong VdsoStart,
    ulong VdsoSize,
    uint VdsoCrc32c,
    string KernelRelease,
    string KernelVersion,
    string Hostname,
    string ModuleVersion)
{
    /// <summary>The process checkpointed itself (KCKPT_IMG_SELF).</summary>
    public bool IsSelfCheckpoint => Flags.HasFlag(ImageFlags.SelfCheckpoint);

    internal static unsafe ImageHeader FromNative(Interop.Uapi.KckptImageHdr h) => new(
        h.FormatVersion,
        h.AbiVersion,
        (ImageFlags)h.Flags,
        h.ResumeCode,
        DateTimeOffset.FromUnixTimeSeconds(h.CreatedSec).AddTicks(h.CreatedNsec / 100),
        h.NrThreads,
        h.Uid,
        h.Gid,
        h.Euid,
        h.Egid,
        h.Pid,
        h.Ppid,
        h.Pgid,
        h.Sid,
        h.XFeatures,
        h.XStateSize,
        h.PageSize,
        h.VdsoStart,
        h.VdsoSize,
        h.VdsoCrc32c,
        Interop.CString.Decode(new ReadOnlySpan<byte>(h.KernelRelease, Interop.Uapi.UtsLen)),
        Interop.CString.Decode(new ReadOnlySpan<byte>(h.KernelVersion, Interop.Uapi.UtsLen)),
        Interop.CString.Decode(new ReadOnlySpan<byte>(h.Hostname, Interop.Uapi.UtsLen)),
        Interop.CString.Decode(new ReadOnlySpan<byte>(h.ModuleVersion, Interop.Uapi.VersionStrLen)));
}
