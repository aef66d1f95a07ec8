using KCkpt.Image;
using static Interop;

namespace KCkpt.Tests.Image;

public sealed class ImageVerifierTests
{
    private static readonly BuiltImage Good = new TestImageBuilder().Build();

    [Fact]
    public void GoodImageVerifiesEverySegment()
    {
        var result = Good.Verify();

        result.SegmentCount.Should().Be(4);
        result.BytesVerified.Should().Be(6 * 4096);
    }

    [Fact]
    public void FlippedDataByteIsACrcMismatchNamingTheSegment()
    {
        var segment = Good.Read().Segments[1];
        var damaged = Good.With(b => b[(int)segment.Offset + 100] ^= 0x01);

        Problem(damaged).Should().Match("segment 1 (vaddr 0x1000000, 0x2000 bytes) has crc32c 0x* but KCKPT_NT_SEGMENTS says 0x*: its data is damaged")
            .And.Contain($"0x{segment.Crc32c:x8}");
        Error(damaged).Offset.Should().Be((long)segment.Offset);
    }

    [Fact]
    public void ImageFileVerifiesThroughDirectReads()
    {
        using var scratch = new ScratchDirectory();
        string path = System.IO.Path.Combine(scratch.Path, "good.ckpt");
        File.WriteAllBytes(path, Good.Bytes);

        ImageVerifier.Verify(path).BytesVerified.Should().Be(6 * 4096);
    }

    [Fact]
    public void DamagedImageFileIsACrcMismatchThroughDirectReads()
    {
        var segment = Good.Read().Segments[1];
        var damaged = Good.With(b => b[(int)segment.Offset + 4095] ^= 0x80);
        using var scratch = new ScratchDirectory();
        string path = System.IO.Path.Combine(scratch.Path, "damaged.ckpt");
        File.WriteAllBytes(path, damaged.Bytes);

        var verify = () => ImageVerifier.Verify(path);

        verify.Should().Throw<ImageFormatException>().Which.Problem.Should().EndWith("its data is damaged");
    }

    [Fact]
    public void TruncatedImageFileIsRejectedThroughDirectReads()
    {
        var last = Good.Read().Segments[^1];
        using var scratch = new ScratchDirectory();
        string path = System.IO.Path.Combine(scratch.Path, "short.ckpt");
        File.WriteAllBytes(path, Good.Truncated((int)last.Offset + 100).Bytes);

        var verify = () => ImageVerifier.Verify(path);

        verify.Should().Throw<ImageFormatException>();
    }

    [Fact]
    public void ReaderAloneDoesNotLookAtPageData()
    {
        var segment = Good.Read().Segments[0];
        var damaged = Good.With(b => b[(int)segment.Offset] ^= 0xff);

        damaged.Invoking(i => i.Read()).Should().NotThrow();
    }

    [Fact]
    public void TruncationAtAnyLengthIsAnImageFormatError()
    {
        for (int length = 0; length < Good.Bytes.Length; length += length < 200 ? 1 : 397)
        {
            var truncated = Good.Truncated(length);

            truncated.Invoking(i => i.Verify()).Should().Throw<ImageFormatException>($"the image was cut at {length} bytes");
        }
    }

    [Fact]
    public void TruncationJustBeforeTheEndNamesTheProgramHeaderTable()
    {
        Problem(Good.Truncated(Good.Bytes.Length - 1)).Should().StartWith("the program header table (");
    }

    [Fact]
    public void ProgramHeaderPointingPastEndOfFileIsNamed()
    {
        var damaged = Good.WithUInt64(Good.ProgramHeaderOffset(3) + 8, (ulong)Good.Bytes.Length - 100);

        Problem(damaged).Should().StartWith("program header 3 points past the end of the file");
        Error(damaged).Offset.Should().Be(Good.ProgramHeaderOffset(3));
    }

    [Fact]
    public void ProgramHeaderWithAHugeSizeDoesNotOverflow()
    {
        var damaged = Good.WithUInt64(Good.ProgramHeaderOffset(2) + 32, ulong.MaxValue);

        Problem(damaged).Should().StartWith("program header 2 points past the end of the file");
    }

    [Fact]
    public void NoteWithDescsizePastTheSegmentIsNamed()
    {
        var note = Good.Kckpt(Uapi.NtManifest);
        var damaged = Good.WithUInt32(note.HeaderOffset + 4, (uint)note.DescriptorSize + 4096);

        Problem(damaged).Should().Contain("the note's descriptor (n_descsz").And.Contain("runs past the end of the PT_NOTE segment");
        Error(damaged).Offset.Should().Be(note.HeaderOffset);
    }

    [Fact]
    public void NoteWithNameszPastTheSegmentIsNamed()
    {
        var note = Good.Kckpt(Uapi.NtManifest);

        Problem(Good.WithUInt32(note.HeaderOffset, uint.MaxValue)).Should().Contain("the note's name (n_namesz 4294967295) runs past the end");
    }

    [Fact]
    public void ImageOfMillionsOfEmptyNotesIsRefusedBeforeItCostsGigabytes()
    {
        int size = (NoteScanner.MaxNotes + 1) * Elf.NoteHeaderSize;
        var flood = (Good with { Bytes = [.. Good.Bytes, .. new byte[size]] })
            .WithUInt64(Good.ProgramHeaderOffset(0) + 8, (ulong)Good.Bytes.Length)
            .WithUInt64(Good.ProgramHeaderOffset(0) + 32, (ulong)size);

        Problem(flood).Should().Be($"the image has more than {NoteScanner.MaxNotes} notes");
    }

    public static TheoryData<string, long, uint, string> LyingVmaFields => new()
    {
        { "hdr_size too small", 0, 8, "KCKPT_NT_VMA note: hdr_size is 8, smaller than struct kckpt_vma (96 bytes)" },
        { "hdr_size past the descriptor", 0, 4000, "KCKPT_NT_VMA note: hdr_size 4000 + variable parts 17 + 0 = 4017 bytes, more than its descriptor's 113" },
        { "path_len past the descriptor", 76, 200, "KCKPT_NT_VMA note: hdr_size 96 + variable parts 200 + 0 = 296 bytes, more than its descriptor's 113" },
        { "path_len cutting the NUL", 76, 5, "KCKPT_NT_VMA note: its path is not NUL-terminated" },
        { "bitmap_len past the descriptor", 88, 64, "KCKPT_NT_VMA note: hdr_size 96 + variable parts 17 + 64 = 177 bytes, more than its descriptor's 113" },
    };

    [Theory]
    [MemberData(nameof(LyingVmaFields))]
    public void VmaNoteWithALyingLengthIsNamed(string lie, long fieldOffset, uint value, string problem)
    {
        var note = Good.Kckpt(Uapi.NtVma);

        var damaged = Good.WithUInt32(note.DescriptorOffset + fieldOffset, value);

        Problem(damaged).Should().Be(problem, lie);
        Error(damaged).Offset.Should().Be(note.DescriptorOffset);
    }

    [Fact]
    public void VmaNoteWithTheWrongBitmapLengthIsNamed()
    {
        // The heap VMA: 4 pages, 1 bitmap byte; claim 0 bytes and let the byte become trailing garbage.
        var note = Good.Kckpt(Uapi.NtVma, 2);

        Problem(Good.WithUInt32(note.DescriptorOffset + 88, 2)).Should()
            .Be("KCKPT_NT_VMA note: hdr_size 96 + variable parts 0 + 2 = 98 bytes, more than its descriptor's 97");
    }

    [Fact]
    public void VmaNoteWhoseSavedCountDisagreesWithTheBitmapIsNamed()
    {
        var note = Good.Kckpt(Uapi.NtVma, 2);

        Problem(Good.WithUInt64(note.DescriptorOffset + 80, 4)).Should()
            .Be("KCKPT_NT_VMA note: nr_saved is 4, but the bitmap marks 3 pages as saved");
    }

    [Fact]
    public void VmaBitmapMarkingPagesPastTheEndIsNamed()
    {
        var note = Good.Kckpt(Uapi.NtVma, 2);
        var damaged = Good.With(b => b[(int)note.DescriptorOffset + 96] |= 0x80).WithUInt64(note.DescriptorOffset + 80, 4);

        Problem(damaged).Should().Be("KCKPT_NT_VMA note: the bitmap marks pages past the end of the mapping (4 pages)");
    }

    [Fact]
    public void SegmentEntryPointingNowhereIsNamed()
    {
        var note = Good.Kckpt(Uapi.NtSegments);
        var damaged = Good.WithUInt32(note.DescriptorOffset + 32 + 28, 999);

        Problem(damaged).Should().StartWith("KCKPT_NT_SEGMENTS entry 1 (vaddr 0x1000000, offset 0x")
            .And.EndWith("matches no data PT_LOAD: its phdr_index 999 is past the program header table");
    }

    [Fact]
    public void SegmentEntryNamingAGapIsNamed()
    {
        var note = Good.Kckpt(Uapi.NtSegments);

        Problem(Good.WithUInt32(note.DescriptorOffset + 28, 1)).Should().EndWith("its phdr_index 1 is not a PT_LOAD with data");
    }

    [Fact]
    public void SegmentEntryWithDataPastTheEndIsNamedByTheReader()
    {
        var note = Good.Kckpt(Uapi.NtSegments);
        var damaged = Good.WithUInt64(note.DescriptorOffset + 32 + 8, (ulong)Good.Bytes.Length);

        Problem(damaged).Should().StartWith("KCKPT_NT_SEGMENTS entry 1: its data (offset 0x").And.Contain("lies past the end of the file");
        Error(damaged).Offset.Should().Be(note.DescriptorOffset + 32);
    }

    [Fact]
    public void DataLoadWithoutSegmentEntryIsNamed()
    {
        var builder = new TestImageBuilder();
        builder.DescriptorGrowth[Uapi.NtSegments] = -32; // drop the last entry
        var damaged = builder.Build();

        Problem(damaged).Should().Match("data PT_LOAD * (vaddr 0x7ffc0ffff000) has no KCKPT_NT_SEGMENTS entry, so nothing checks its data");
    }

    [Fact]
    public void UnalignedDataLoadIsNamed()
    {
        var damaged = Good.WithUInt64(Good.ProgramHeaderOffset(3) + 8, Good.Read().ProgramHeaders[3].Offset + 8);

        Problem(damaged).Should().Match("data PT_LOAD 3 (p_offset 0x*, p_vaddr 0x402000) is not page-aligned");
    }

    [Fact]
    public void SegmentOnPagesTheBitmapDoesNotMarkIsNamed()
    {
        // Clear the bitmap of the file mapping that holds the copied-on-write page, and its count.
        var note = Good.Kckpt(Uapi.NtVma, 1);
        var damaged = Good.WithUInt64(note.DescriptorOffset + 80, 0).With(b => b[(int)note.DescriptorOffset + 96 + 17] = 0);

        Problem(damaged).Should().Be("KCKPT_NT_SEGMENTS entry 0 holds page 0x402000, which the bitmap of mapping 0x401000-0x403000 does not mark as saved");
    }

    public static TheoryData<string, long, ulong, int, string> BrokenElfHeaders => new()
    {
        { "magic", 0, 0x464c4500, 4, "no ELF magic (\\x7fELF): this is not an ELF file" },
        { "class", 4, 1, 1, "EI_CLASS is 1, not 2 (ELFCLASS64)" },
        { "type", 16, 2, 2, "e_type is 2, not 4 (ET_CORE)" },
        { "machine", 18, 3, 2, "e_machine is 3, not 62 (EM_X86_64)" },
        { "phentsize", 54, 32, 2, "e_phentsize is 32, not 56 (sizeof(Elf64_Phdr))" },
        { "phnum", 56, 0, 2, "e_phnum is 0: the image has no program headers" },
        { "phoff", 32, ulong.MaxValue - 8, 8, "the program header table (" },
    };

    [Theory]
    [MemberData(nameof(BrokenElfHeaders))]
    public void BrokenElfHeaderFieldIsNamed(string field, long offset, ulong value, int width, string problem)
    {
        var damaged = width switch
        {
            8 => Good.WithUInt64(offset, value),
            4 => Good.WithUInt32(offset, (uint)value),
            2 => Good.With(b => BitConverter.TryWriteBytes(b.AsSpan((int)offset), (ushort)value)),
            _ => Good.With(b => b[offset] = (byte)value),
        };

        Problem(damaged).Should().StartWith(problem, field);
    }

    [Fact]
    public void MissingRequiredNoteIsNamed()
    {
        var note = Good.Kckpt(Uapi.NtProc);
        var damaged = Good.WithUInt32(note.HeaderOffset + 8, Uapi.NtBase + 77);

        Problem(damaged).Should().Be("the KCKPT_NT_PROC note is missing");
    }

    [Fact]
    public void DuplicateNoteIsNamed()
    {
        var note = Good.Kckpt(Uapi.NtCwd);
        var damaged = Good.WithUInt32(note.HeaderOffset + 8, Uapi.NtProc);

        Problem(damaged).Should().Be("a second KCKPT_NT_PROC note; there must be one");
    }

    [Fact]
    public void ThreadCountDisagreeingWithTheHeaderIsNamed()
    {
        var note = Good.Kckpt(Uapi.NtImage);

        Problem(Good.WithUInt32(note.DescriptorOffset + 28, 2)).Should()
            .Be("the image header says 2 threads, but there are 1 KCKPT_NT_THREAD notes");
    }

    [Fact]
    public void ShortFixedDescriptorIsNamed()
    {
        var builder = new TestImageBuilder();
        builder.DescriptorGrowth[Uapi.NtThread] = -72;

        Problem(builder.Build()).Should()
            .Be("KCKPT_NT_THREAD note: its descriptor is 40 bytes, shorter than struct kckpt_thread (112 bytes)");
    }

    [Fact]
    public void UnknownFormatVersionIsNamed()
    {
        var note = Good.Kckpt(Uapi.NtImage);

        Problem(Good.WithUInt32(note.DescriptorOffset, 2)).Should()
            .Be("KCKPT_NT_IMAGE note: format_version is 2; this KCkpt reads format 1");
    }

    [Fact]
    public void ManifestThatIsNoImageManifestLeavesTheImageValidAndIsReported()
    {
        var note = Good.Kckpt(Uapi.NtManifest);
        var image = Good.With(b => b[(int)note.DescriptorOffset] = 0xff);

        image.Verify().Image.Manifest.Should().BeNull();
        image.Read().ManifestProblem.Should().StartWith($"its {note.DescriptorSize} bytes are not a KCkpt manifest (");
        Good.Read().ManifestProblem.Should().BeNull();
    }

    private static ImageFormatException Error(BuiltImage image) =>
        image.Invoking(i => i.Verify()).Should().Throw<ImageFormatException>().Which;

    private static string Problem(BuiltImage image) => Error(image).Problem;
}
