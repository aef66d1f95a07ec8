namespace KCkpt.Image;

/// <summary>The ELF64 constants and sizes a checkpoint image uses (elf.h, x86_64).</summary>
public static class Elf
{
    public const int HeaderSize = 64;
    public const int ProgramHeaderSize = 56;
    public const int NoteHeaderSize = 12;

    public const byte ClassElf64 = 2;
    public const byte DataLittleEndian = 1;
    public const byte VersionCurrent = 1;
    public const ushort TypeCore = 4;
    public const ushort MachineX86_64 = 62;
    public const ushort ExtendedNumbering = 0xFFFF;

    public const uint PtLoad = 1;
    public const uint PtNote = 4;

    public const uint PfX = 1;
    public const uint PfW = 2;
    public const uint PfR = 4;

    public const string CoreNoteName = "CORE";

    public const uint NtPrStatus = 1;
    public const uint NtPrFpReg = 2;
    public const uint NtPrPsInfo = 3;
    public const uint NtAuxv = 6;

    public static ReadOnlySpan<byte> Magic => [0x7f, (byte)'E', (byte)'L', (byte)'F'];
}
