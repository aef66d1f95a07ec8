namespace KCkpt.Image;

/// <summary>Properties of a saved mapping (KCKPT_VMAF_*).</summary>
[Flags]
public enum MappingFlags : uint
{
    None = 0,
    GrowsDown = Interop.Uapi.VmafGrowsDown,
    Locked = Interop.Uapi.VmafLocked,
    NoReserve = Interop.Uapi.VmafNoReserve,
    DontDump = Interop.Uapi.VmafDontDump,

    /// <summary>Within [start_brk, brk).</summary>
    Heap = Interop.Uapi.VmafHeap,

    /// <summary>Holds start_stack.</summary>
    Stack = Interop.Uapi.VmafStack,

    MayWrite = Interop.Uapi.VmafMayWrite,
    DontFork = Interop.Uapi.VmafDontFork,
}
