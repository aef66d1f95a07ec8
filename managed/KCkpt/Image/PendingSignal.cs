using System.Buffers.Binary;

namespace KCkpt.Image;

/// <summary>One queued signal (struct kckpt_siginfo) with the leading fields of its siginfo_t.</summary>
public sealed record PendingSignal(SignalQueue Queue, int Tid, int Signal, int Errno, int Code, byte[] Info)
{
    /// <summary>Pending for the whole process (KCKPT_SIGQ_SHARED) rather than one thread.</summary>
    public bool IsShared => Queue == SignalQueue.Process;

    internal static unsafe PendingSignal FromNative(Interop.Uapi.KckptSiginfo s)
    {
        var info = new ReadOnlySpan<byte>(s.Info, Interop.Uapi.KckptSiginfo.InfoSize);
        return new PendingSignal(
            (SignalQueue)s.Queue,
            s.Tid,
            BinaryPrimitives.ReadInt32LittleEndian(info),
            BinaryPrimitives.ReadInt32LittleEndian(info[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(info[8..]),
            info.ToArray());
    }
}
