namespace KCkpt.Image;

/// <summary>What a saved mapping maps (KCKPT_VMA_*). A kind this KCkpt does not know keeps its number.</summary>
public enum MappingKind : uint
{
    /// <summary>Private anonymous memory: heap, stack, ...</summary>
    Anonymous = Interop.Uapi.VmaAnon,

    /// <summary>MAP_PRIVATE of a file.</summary>
    FilePrivate = Interop.Uapi.VmaFilePrivate,

    /// <summary>MAP_SHARED of a file.</summary>
    FileShared = Interop.Uapi.VmaFileShared,

    /// <summary>MAP_SHARED|MAP_ANONYMOUS.</summary>
    SharedMemory = Interop.Uapi.VmaShmem,

    Vdso = Interop.Uapi.VmaVdso,
    Vvar = Interop.Uapi.VmaVvar,
}
