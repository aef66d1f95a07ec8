namespace KCkpt.Image;

/// <summary>One thread: its KCKPT_NT_THREAD note (struct kckpt_thread) and the registers of its NT_PRSTATUS note.</summary>
public sealed record ThreadSnapshot(
    int Tid,
    SyscallRestart Restart,
    int SyscallNr,
    ulong BlockedSignals,
    ulong AltStackSp,
    ulong AltStackSize,
    uint AltStackFlags,
    ulong Rseq,
    uint RseqLength,
    uint RseqSignature,
    ulong RobustList,
    ulong RobustListLength,
    ulong SetChildTid,
    ulong ClearChildTid,
    ulong FsBase,
    ulong GsBase,
    UserRegisters Registers)
{
    internal static ThreadSnapshot FromNative(Interop.Uapi.KckptThread t, UserRegisters registers) => new(
        t.Tid,
        (SyscallRestart)t.Restart,
        t.SyscallNr,
        t.SigMask,
        t.SsSp,
        t.SsSize,
        t.SsFlags,
        t.Rseq,
        t.RseqLen,
        t.RseqSig,
        t.RobustList,
        t.RobustListLen,
        t.SetChildTid,
        t.ClearChildTid,
        t.FsBase,
        t.GsBase,
        registers);
}
