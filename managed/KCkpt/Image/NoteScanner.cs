using System.Buffers.Binary;

namespace KCkpt.Image;

/// <summary>Splits the PT_NOTE segments of an image into notes: n_namesz, n_descsz, n_type, name and descriptor padded to 4.</summary>
internal static class NoteScanner
{
    /// <summary>The largest PT_NOTE segment a reader loads into memory.</summary>
    public const ulong MaxSegmentSize = 256UL << 20;

    /// <summary>
    /// The most notes a reader accepts: far above any real process (a note per mapping, fd and thread),
    /// low enough that a hostile image of tiny notes cannot make the reader allocate gigabytes.
    /// </summary>
    public const int MaxNotes = 1 << 21;

    public static List<RawNote> Scan(ImageFile file, IEnumerable<ProgramHeader> headers)
    {
        var notes = new List<RawNote>();
        bool anyNoteSegment = false;
        foreach (var header in headers.Where(h => h.Type == Elf.PtNote))
        {
            anyNoteSegment = true;
            if (header.FileSize > MaxSegmentSize)
            {
                throw file.Error(header.Offset, $"the PT_NOTE segment of program header {header.Index} is {header.FileSize} bytes, more than the {MaxSegmentSize >> 20} MiB a reader accepts");
            }

            // ElfLayout checked that the segment lies inside the file.
            foreach (var note in ScanSegment(file, (long)header.Offset, file.Read((long)header.Offset, (int)header.FileSize)))
            {
                if (notes.Count == MaxNotes)
                {
                    throw file.Error(note.DescriptorOffset, $"the image has more than {MaxNotes} notes");
                }

                notes.Add(note);
            }
        }

        if (!anyNoteSegment)
        {
            throw file.Error(0, "the image has no PT_NOTE segment");
        }

        return notes;
    }

    private static IEnumerable<RawNote> ScanSegment(ImageFile file, long segmentOffset, byte[] segment)
    {
        long pos = 0;
        while (pos < segment.Length)
        {
            long at = segmentOffset + pos;
            if (segment.Length - pos < Elf.NoteHeaderSize)
            {
                throw file.Error(at, $"a note header needs {Elf.NoteHeaderSize} bytes but only {segment.Length - pos} are left in the PT_NOTE segment");
            }

            var fields = segment.AsSpan((int)pos);
            uint nameSize = BinaryPrimitives.ReadUInt32LittleEndian(fields);
            uint descSize = BinaryPrimitives.ReadUInt32LittleEndian(fields[4..]);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(fields[8..]);

            long nameStart = pos + Elf.NoteHeaderSize;
            long descStart = nameStart + Align4(nameSize);
            if (descStart > segment.Length)
            {
                throw file.Error(at, $"the note's name (n_namesz {nameSize}) runs past the end of the PT_NOTE segment");
            }

            if (descSize > segment.Length - descStart)
            {
                throw file.Error(at, $"the note's descriptor (n_descsz {descSize}, type 0x{type:x}) runs past the end of the PT_NOTE segment ({segment.Length} bytes at 0x{segmentOffset:x})");
            }

            string name = Interop.CString.Decode(segment.AsSpan((int)nameStart, (int)nameSize));
            yield return new RawNote(name, type, segmentOffset + descStart, segment.AsMemory((int)descStart, (int)descSize));
            pos = descStart + Align4(descSize);
        }
    }

    private static long Align4(uint size) => (size + 3L) & ~3L;
}
