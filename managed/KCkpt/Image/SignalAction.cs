namespace KCkpt.Image;

/// <summary>The disposition of one signal (struct kckpt_sigaction).</summary>
public sealed record SignalAction(int Signal, ulong Handler, ulong Flags, ulong Restorer, ulong Mask)
{
    public const ulong Default = 0;
    public const ulong Ignore = 1;

    internal static SignalAction FromNative(int signal, Interop.Uapi.KckptSigaction a) => new(signal, a.Handler, a.Flags, a.Restorer, a.Mask);
}
