namespace KCkpt.Image;

/// <summary>What a successful verification covered.</summary>
public sealed record ImageVerification(CheckpointImage Image, int SegmentCount, ulong BytesVerified);

/// <summary>
/// Checks a whole image: everything the reader checks, then that the data PT_LOADs and the KCKPT_NT_SEGMENTS
/// entries describe each other, that saved pages agree with the VMAs' bitmaps, and every segment's crc32c.
/// </summary>
public static class ImageVerifier
{
    /// <summary>Verifies the image at <paramref name="path"/>.</summary>
    /// <exception cref="ImageFormatException">The first problem found.</exception>
    public static ImageVerification Verify(string path)
    {
        using var stream = ImageStream.Open(path);
        return Verify(stream, path);
    }

    /// <summary>Verifies an image in a seekable stream; <paramref name="name"/> names it in error messages.</summary>
    /// <exception cref="ImageFormatException">The first problem found.</exception>
    public static ImageVerification Verify(Stream stream, string name)
    {
        var file = new ImageFile(stream, name);
        var image = ImageReader.Read(file);
        CheckDataLoads(file, image);
        CheckSegmentsMatchDataLoads(file, image);
        CheckSavedPagesMatchSegments(file, image);
        ulong bytes = 0;
        using var checksummer = SegmentChecksummer.For(file, stream);
        foreach (var segment in image.Segments)
        {
            CheckChecksum(file, checksummer, segment);
            bytes += segment.Size;
        }

        return new ImageVerification(image, image.Segments.Count, bytes);
    }

    private static void CheckDataLoads(ImageFile file, CheckpointImage image)
    {
        ulong pageSize = image.Header.PageSize;
        foreach (var load in image.ProgramHeaders.Where(h => h.IsDataLoad))
        {
            if (load.Offset % pageSize != 0 || load.VirtualAddress % pageSize != 0)
            {
                throw file.Error(load.EntryOffset, $"data PT_LOAD {load.Index} (p_offset 0x{load.Offset:x}, p_vaddr 0x{load.VirtualAddress:x}) is not page-aligned");
            }

            if (load.FileSize != load.MemorySize)
            {
                throw file.Error(load.EntryOffset, $"data PT_LOAD {load.Index} has p_filesz 0x{load.FileSize:x} but p_memsz 0x{load.MemorySize:x}; they must be equal");
            }
        }
    }

    private static void CheckSegmentsMatchDataLoads(ImageFile file, CheckpointImage image)
    {
        var claimed = new HashSet<uint>();
        foreach (var segment in image.Segments)
        {
            var load = segment.ProgramHeaderIndex < image.ProgramHeaders.Count ? image.ProgramHeaders[(int)segment.ProgramHeaderIndex] : null;
            if (load is null || !load.IsDataLoad || load.Offset != segment.Offset
                || load.VirtualAddress != segment.VirtualAddress || load.FileSize != segment.Size)
            {
                throw file.Error(segment.Offset, $"KCKPT_NT_SEGMENTS entry {segment.Index} (vaddr 0x{segment.VirtualAddress:x}, offset 0x{segment.Offset:x}, size 0x{segment.Size:x}) matches no data PT_LOAD: its phdr_index {segment.ProgramHeaderIndex} {Describe(load)}");
            }

            if (!claimed.Add(segment.ProgramHeaderIndex))
            {
                throw file.Error(segment.Offset, $"KCKPT_NT_SEGMENTS entry {segment.Index} names PT_LOAD {segment.ProgramHeaderIndex}, which an earlier entry names too");
            }
        }

        if (image.ProgramHeaders.FirstOrDefault(h => h.IsDataLoad && !claimed.Contains((uint)h.Index)) is { } orphan)
        {
            throw file.Error(orphan.EntryOffset, $"data PT_LOAD {orphan.Index} (vaddr 0x{orphan.VirtualAddress:x}) has no KCKPT_NT_SEGMENTS entry, so nothing checks its data");
        }
    }

    private static string Describe(ProgramHeader? load) => load switch
    {
        null => "is past the program header table",
        { IsDataLoad: false } => "is not a PT_LOAD with data",
        _ => $"is p_vaddr 0x{load.VirtualAddress:x}, p_offset 0x{load.Offset:x}, p_filesz 0x{load.FileSize:x}",
    };

    /// <summary>Every segment covers pages its VMA's bitmap marks as saved, and the counts agree.</summary>
    private static void CheckSavedPagesMatchSegments(ImageFile file, CheckpointImage image)
    {
        ulong pageSize = image.Header.PageSize;
        ulong segmentPages = 0;
        foreach (var segment in image.Segments)
        {
            if (segment.Size % pageSize != 0)
            {
                throw file.Error(segment.Offset, $"KCKPT_NT_SEGMENTS entry {segment.Index} has size 0x{segment.Size:x}, not a whole number of pages");
            }

            var vma = image.Vmas.FirstOrDefault(v =>
                v.Start <= segment.VirtualAddress && segment.VirtualAddress < v.End && segment.Size <= v.End - segment.VirtualAddress);
            if (vma is null)
            {
                throw file.Error(segment.Offset, $"KCKPT_NT_SEGMENTS entry {segment.Index} (0x{segment.VirtualAddress:x}, 0x{segment.Size:x} bytes) lies in no single KCKPT_NT_VMA mapping");
            }

            ulong first = (segment.VirtualAddress - vma.Start) / pageSize;
            for (ulong page = 0; page < segment.Size / pageSize; page++)
            {
                if (!vma.IsPageSaved(first + page))
                {
                    throw file.Error(segment.Offset, $"KCKPT_NT_SEGMENTS entry {segment.Index} holds page 0x{segment.VirtualAddress + page * pageSize:x}, which the bitmap of mapping 0x{vma.Start:x}-0x{vma.End:x} does not mark as saved");
                }
            }

            segmentPages += segment.Size / pageSize;
        }

        ulong bitmapPages = image.Vmas.Aggregate(0UL, (sum, v) => sum + v.SavedPages);
        if (bitmapPages != segmentPages)
        {
            throw file.Error(0, $"the VMA bitmaps mark {bitmapPages} pages as saved, but the segments hold {segmentPages}");
        }
    }

    private static void CheckChecksum(ImageFile file, SegmentChecksummer checksummer, ImageSegment segment)
    {
        uint actual = checksummer.Compute(segment.Offset, segment.Size);
        if (actual != segment.Crc32c)
        {
            throw file.Error(segment.Offset, $"segment {segment.Index} (vaddr 0x{segment.VirtualAddress:x}, 0x{segment.Size:x} bytes) has crc32c 0x{actual:x8}, but KCKPT_NT_SEGMENTS says 0x{segment.Crc32c:x8}: its data is damaged");
        }
    }
}
