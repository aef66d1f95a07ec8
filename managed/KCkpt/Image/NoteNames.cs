using KCkpt.Interop;

namespace KCkpt.Image;

/// <summary>The names of note types as kckpt.h and elf.h spell them, for messages.</summary>
internal static class NoteNames
{
    public static string Kckpt(uint type) => type switch
    {
        Uapi.NtImage => "KCKPT_NT_IMAGE",
        Uapi.NtProc => "KCKPT_NT_PROC",
        Uapi.NtThread => "KCKPT_NT_THREAD",
        Uapi.NtSigActions => "KCKPT_NT_SIGACTIONS",
        Uapi.NtSigPending => "KCKPT_NT_SIGPENDING",
        Uapi.NtVma => "KCKPT_NT_VMA",
        Uapi.NtFd => "KCKPT_NT_FD",
        Uapi.NtSegments => "KCKPT_NT_SEGMENTS",
        Uapi.NtCwd => "KCKPT_NT_CWD",
        Uapi.NtExe => "KCKPT_NT_EXE",
        Uapi.NtManifest => "KCKPT_NT_MANIFEST",
        _ => $"KCKPT note type 0x{type:x}",
    };

    public static string Core(uint type) => type switch
    {
        Elf.NtPrStatus => "NT_PRSTATUS",
        Elf.NtPrPsInfo => "NT_PRPSINFO",
        _ => $"CORE note type 0x{type:x}",
    };
}
