using System.Buffers.Binary;

namespace KCkpt.Image;

/// <summary>Reads and checks the ELF header and the program header table of an image.</summary>
internal static class ElfLayout
{
    private const int TypeOffset = 16;
    private const int MachineOffset = 18;
    private const int VersionOffset = 20;
    private const int PhOffOffset = 32;
    private const int PhEntSizeOffset = 54;
    private const int PhNumOffset = 56;

    public static IReadOnlyList<ProgramHeader> ReadProgramHeaders(ImageFile file)
    {
        if (file.Length < Elf.HeaderSize)
        {
            throw file.Error(0, $"the file is {file.Length} bytes, shorter than an ELF header ({Elf.HeaderSize} bytes)");
        }

        var header = file.Read(0, Elf.HeaderSize);
        CheckIdentity(file, header);

        ulong phoff = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(PhOffOffset));
        ushort phentsize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(PhEntSizeOffset));
        ushort phnum = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(PhNumOffset));
        if (phentsize != Elf.ProgramHeaderSize)
        {
            throw file.Error(PhEntSizeOffset, $"e_phentsize is {phentsize}, not {Elf.ProgramHeaderSize} (sizeof(Elf64_Phdr))");
        }

        if (phnum == 0)
        {
            throw file.Error(PhNumOffset, "e_phnum is 0: the image has no program headers");
        }

        if (phnum == Elf.ExtendedNumbering)
        {
            throw file.Error(PhNumOffset, "e_phnum is PN_XNUM (extended numbering), which checkpoint images never use");
        }

        ulong tableSize = (ulong)phnum * Elf.ProgramHeaderSize;
        if (!file.Contains(phoff, tableSize))
        {
            throw file.Error(PhOffOffset, $"the program header table ({phnum} entries at e_phoff 0x{phoff:x}) runs past the end of the file ({file.Length} bytes)");
        }

        var table = file.Read((long)phoff, (int)tableSize);
        var headers = new ProgramHeader[phnum];
        for (int i = 0; i < phnum; i++)
        {
            headers[i] = ReadProgramHeader(file, table.AsSpan(i * Elf.ProgramHeaderSize), i, (long)phoff + (long)i * Elf.ProgramHeaderSize);
        }

        return headers;
    }

    private static void CheckIdentity(ImageFile file, byte[] header)
    {
        if (!header.AsSpan(0, Elf.Magic.Length).SequenceEqual(Elf.Magic))
        {
            throw file.Error(0, "no ELF magic (\\x7fELF): this is not an ELF file");
        }

        Expect(file, header[4], Elf.ClassElf64, 4, "EI_CLASS", "ELFCLASS64");
        Expect(file, header[5], Elf.DataLittleEndian, 5, "EI_DATA", "ELFDATA2LSB (little-endian)");
        Expect(file, header[6], Elf.VersionCurrent, 6, "EI_VERSION", "EV_CURRENT");
        Expect(file, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(TypeOffset)), Elf.TypeCore, TypeOffset, "e_type", "ET_CORE");
        Expect(file, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(MachineOffset)), Elf.MachineX86_64, MachineOffset, "e_machine", "EM_X86_64");
        Expect(file, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(VersionOffset)), Elf.VersionCurrent, VersionOffset, "e_version", "EV_CURRENT");
    }

    private static void Expect(ImageFile file, uint actual, uint expected, long offset, string field, string meaning)
    {
        if (actual != expected)
        {
            throw file.Error(offset, $"{field} is {actual}, not {expected} ({meaning})");
        }
    }

    private static ProgramHeader ReadProgramHeader(ImageFile file, ReadOnlySpan<byte> entry, int index, long entryOffset)
    {
        var header = new ProgramHeader(
            index,
            entryOffset,
            Type: BinaryPrimitives.ReadUInt32LittleEndian(entry),
            Flags: BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]),
            Offset: BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]),
            VirtualAddress: BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]),
            FileSize: BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]),
            MemorySize: BinaryPrimitives.ReadUInt64LittleEndian(entry[40..]),
            Align: BinaryPrimitives.ReadUInt64LittleEndian(entry[48..]));
        if (header.FileSize != 0 && !file.Contains(header.Offset, header.FileSize))
        {
            throw file.Error(entryOffset, $"program header {index} points past the end of the file: p_offset 0x{header.Offset:x} + p_filesz 0x{header.FileSize:x} > {file.Length} bytes");
        }

        return header;
    }
}
