namespace KCkpt.Image;

/// <summary>The names of note types as kckpt.h and elf.h spell them, for messages.</summary>
internal static class NoteNames
{
    public static string Kckpt(uint type) => type switch
    {
        Interop.Uapi.NtImage => "KCKPT_NT_IMAGE",
        Interop.Uapi.NtProc => "KCKPT_NT_PROC",
        Interop.Uapi.NtThread => "KCKPT_NT_THREAD",
        Interop.Uapi.NtSigActions => "KCKPT_NT_SIGACTIONS",
        Interop.Uapi.NtSigPending => "KCKPT_NT_SIGPENDING",
        Interop.Uapi.NtVma => "KCKPT_NT_VMA",
        Interop.Uapi.NtFd => "KCKPT_NT_FD",
        Interop.Uapi.NtSegments => "KCKPT_NT_SEGMENTS",
        Interop.Uapi.NtCwd => "KCKPT_NT_CWD",
        Interop.Uapi.NtExe => "KCKPT_NT_EXE",
        Interop.Uapi.NtManifest => "KCKPT_NT_MANIFEST",
        _ => $"KCKPT note type 0x{type:x}",
    };

    public static string Core(uint type) => type switch
    {
        Elf.NtPrStatus => "NT_PRSTATUS",
        Elf.NtPrPsInfo => "NT_PRPSINFO",
        _ => $"CORE note type 0x{type:x}",
    };
}
