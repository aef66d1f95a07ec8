using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Google.Protobuf;
using KCkpt.Manifest;

namespace KCkpt.Image;

/// <summary>Turns the notes of an image into a <see cref="CheckpointImage"/>, checking every length, count and offset.</summary>
internal sealed class ImageReader
{
    private const int MinPageSize = 4096;
    private const int MaxPageSize = 1 << 16;
    private const int PrPsInfoSize = 136;
    private const int PsArgsOffset = 56;
    private const int PsArgsLength = 80;

    /// <summary>9999-12-30, a day before DateTimeOffset's end, so that any time zone can show the creation time.</summary>
    private const long LatestCreationTime = 253_402_128_000;

    private readonly ImageFile file;
    private readonly List<RawNote> notes;
    private readonly long notesOffset;

    private ImageReader(ImageFile file, IReadOnlyList<ProgramHeader> headers)
    {
        this.file = file;
        notes = NoteScanner.Scan(file, headers);
        notesOffset = (long)headers.First(h => h.Type == Elf.PtNote).Offset;
    }

    public static CheckpointImage Read(ImageFile file)
    {
        var headers = ElfLayout.ReadProgramHeaders(file);
        return new ImageReader(file, headers).ReadNotes(headers);
    }

    private CheckpointImage ReadNotes(IReadOnlyList<ProgramHeader> headers)
    {
        var header = ReadHeader(Only(Interop.Uapi.NtImage)!);
        var (manifest, manifestProblem) = ReadManifest(Only(Interop.Uapi.NtManifest, required: false));
        return new CheckpointImage
        {
            FileSize = file.Length,
            ProgramHeaders = headers,
            Header = header,
            Process = ProcessSnapshot.FromNative(Descriptor(Only(Interop.Uapi.NtProc)!).Struct<Interop.Uapi.KckptProc>("struct kckpt_proc")),
            Threads = ReadThreads(header),
            SigActions = ReadSigActions(Only(Interop.Uapi.NtSigActions)!),
            PendingSignals = ReadPendingSignals(Only(Interop.Uapi.NtSigPending, required: false)),
            Vmas = All(Interop.Uapi.NtVma).Select(note => ReadVma(note, header.PageSize)).ToList(),
            Fds = All(Interop.Uapi.NtFd).Select(ReadFd).ToList(),
            Segments = ReadSegments(Only(Interop.Uapi.NtSegments)!),
            Cwd = ReadPath(Only(Interop.Uapi.NtCwd)!),
            Exe = Only(Interop.Uapi.NtExe, required: false) is { } exe ? ReadPath(exe) : null,
            CommandLine = ReadCommandLine(),
            Manifest = manifest,
            ManifestProblem = manifestProblem,
        };
    }

    private IEnumerable<RawNote> All(uint kckptType) => notes.Where(n => n.IsKckpt && n.Type == kckptType);

    /// <summary>The one KCKPT note of a type; a second one is an error, and so is none when it is required.</summary>
    private RawNote? Only(uint kckptType, bool required = true)
    {
        var found = All(kckptType).Take(2).ToList();
        if (found.Count > 1)
        {
            throw file.Error(found[1].DescriptorOffset, $"a second {NoteNames.Kckpt(kckptType)} note; there must be one");
        }

        if (found.Count == 0 && required)
        {
            throw file.Error(notesOffset, $"the {NoteNames.Kckpt(kckptType)} note is missing");
        }

        return found.SingleOrDefault();
    }

    private NoteDescriptor Descriptor(RawNote note) =>
        new(file, note, note.IsKckpt ? NoteNames.Kckpt(note.Type) : NoteNames.Core(note.Type));

    private ImageHeader ReadHeader(RawNote note)
    {
        var descriptor = Descriptor(note);
        var h = descriptor.Struct<Interop.Uapi.KckptImageHdr>("struct kckpt_image_hdr");
        if (h.FormatVersion != Interop.Uapi.FormatVersion)
        {
            throw descriptor.Error($"format_version is {h.FormatVersion}; this KCkpt reads format {Interop.Uapi.FormatVersion}");
        }

        if (h.PageSize is < MinPageSize or > MaxPageSize || !BitOperations.IsPow2(h.PageSize))
        {
            throw descriptor.Error($"page_size {h.PageSize} is not a power of two between {MinPageSize} and {MaxPageSize}");
        }

        if (h.CreatedSec is < 0 or > LatestCreationTime || h.CreatedNsec >= 1_000_000_000)
        {
            throw descriptor.Error($"the creation time {h.CreatedSec}.{h.CreatedNsec:D9} is not a valid time");
        }

        return ImageHeader.FromNative(h);
    }

    /// <summary>KCKPT_NT_THREAD notes, each paired with the NT_PRSTATUS note at the same position.</summary>
    private List<ThreadSnapshot> ReadThreads(ImageHeader header)
    {
        var threads = All(Interop.Uapi.NtThread).ToList();
        var statuses = notes.Where(n => n.IsCore && n.Type == Elf.NtPrStatus).ToList();
        if (threads.Count != header.ThreadCount || threads.Count == 0)
        {
            throw file.Error(notesOffset, $"the image header says {header.ThreadCount} threads, but there are {threads.Count} KCKPT_NT_THREAD notes");
        }

        if (statuses.Count != threads.Count)
        {
            throw file.Error(notesOffset, $"there are {threads.Count} KCKPT_NT_THREAD notes but {statuses.Count} NT_PRSTATUS notes");
        }

        return threads.Zip(statuses, (thread, status) => ThreadSnapshot.FromNative(
            Descriptor(thread).Struct<Interop.Uapi.KckptThread>("struct kckpt_thread"),
            ReadRegisters(status))).ToList();
    }

    private UserRegisters ReadRegisters(RawNote status)
    {
        if (status.Descriptor.Length < UserRegisters.PrStatusSize)
        {
            throw Descriptor(status).Error($"its descriptor is {status.Descriptor.Length} bytes, shorter than struct elf_prstatus ({UserRegisters.PrStatusSize} bytes)");
        }

        return UserRegisters.FromPrStatus(status.Descriptor.Span);
    }

    private List<SignalAction> ReadSigActions(RawNote note)
    {
        var descriptor = Descriptor(note);
        int size = Interop.Uapi.NSig * Unsafe.SizeOf<Interop.Uapi.KckptSigaction>();
        if (descriptor.Bytes.Length < size)
        {
            throw descriptor.Error($"its descriptor is {descriptor.Bytes.Length} bytes, shorter than struct kckpt_sigaction[KCKPT_NSIG] ({size} bytes)");
        }

        var actions = MemoryMarshal.Cast<byte, Interop.Uapi.KckptSigaction>(descriptor.Bytes[..size]);
        var result = new List<SignalAction>(Interop.Uapi.NSig);
        for (int signal = 1; signal <= Interop.Uapi.NSig; signal++)
        {
            result.Add(SignalAction.FromNative(signal, actions[signal - 1]));
        }

        return result;
    }

    private List<PendingSignal> ReadPendingSignals(RawNote? note) =>
        note is null ? [] : Descriptor(note).Array<Interop.Uapi.KckptSiginfo>("struct kckpt_siginfo").Select(PendingSignal.FromNative).ToList();

    private MemoryMapping ReadVma(RawNote note, uint pageSize)
    {
        var descriptor = Descriptor(note);
        var v = descriptor.Struct<Interop.Uapi.KckptVma>("struct kckpt_vma");
        int hdrSize = CheckVariableParts(descriptor, v.HdrSize, "struct kckpt_vma", Unsafe.SizeOf<Interop.Uapi.KckptVma>(), v.PathLen, v.BitmapLen);
        string? path = descriptor.Path(hdrSize, (int)v.PathLen, "path");
        byte[] bitmap = descriptor.Bytes.Slice(hdrSize + (int)v.PathLen, (int)v.BitmapLen).ToArray();

        if (v.Start >= v.End)
        {
            throw descriptor.Error($"start 0x{v.Start:x} is not below end 0x{v.End:x}");
        }

        if (v.Start % pageSize != 0 || v.End % pageSize != 0)
        {
            throw descriptor.Error($"0x{v.Start:x}-0x{v.End:x} is not page-aligned (page_size {pageSize})");
        }

        ulong pages = (v.End - v.Start) / pageSize;
        if (v.BitmapLen != 0 && v.BitmapLen != (pages + 7) / 8)
        {
            throw descriptor.Error($"bitmap_len is {v.BitmapLen}, but a mapping of {pages} pages needs {(pages + 7) / 8} bytes");
        }

        if (v.BitmapLen != 0 && HasBitsPastTheEnd(bitmap, pages))
        {
            throw descriptor.Error($"the bitmap marks pages past the end of the mapping ({pages} pages)");
        }

        ulong saved = (ulong)bitmap.Sum(b => (long)BitOperations.PopCount(b));
        if (saved != v.NrSaved)
        {
            throw descriptor.Error($"nr_saved is {v.NrSaved}, but the bitmap marks {saved} pages as saved");
        }

        var identity = new FileIdentity(v.Dev, v.Ino, v.FileSize, v.MtimeSec, v.MtimeNsec);
        return new MemoryMapping((MappingKind)v.Kind, (MappingProtection)v.Prot, (MappingFlags)v.Flags, v.Start, v.End, v.Pgoff, identity, v.NrSaved, path, bitmap);
    }

    private static bool HasBitsPastTheEnd(byte[] bitmap, ulong pages)
    {
        int usedBits = (int)(pages % 8);
        return usedBits != 0 && (bitmap[^1] & ~((1 << usedBits) - 1)) != 0;
    }

    private OpenFile ReadFd(RawNote note)
    {
        var descriptor = Descriptor(note);
        var f = descriptor.Struct<Interop.Uapi.KckptFd>("struct kckpt_fd");
        int hdrSize = CheckVariableParts(descriptor, f.HdrSize, "struct kckpt_fd", Unsafe.SizeOf<Interop.Uapi.KckptFd>(), f.PathLen, 0);
        string? path = descriptor.Path(hdrSize, (int)f.PathLen, "path");
        if (f.Fd < 0)
        {
            throw descriptor.Error($"fd {f.Fd} is negative");
        }

        var identity = new FileIdentity(f.Dev, f.Ino, f.Size, f.MtimeSec, f.MtimeNsec);
        return new OpenFile(f.Fd, (OpenFileKind)f.Kind, f.CloExec != 0, (OpenFlags)f.Flags, f.Mode, f.Pos, identity, f.Rdev, path);
    }

    /// <summary>Checks that hdr_size covers the structure and that hdr_size plus the variable parts fit the descriptor.</summary>
    private static int CheckVariableParts(NoteDescriptor descriptor, uint hdrSize, string cName, int knownSize, uint first, uint second)
    {
        if (hdrSize < knownSize)
        {
            throw descriptor.Error($"hdr_size is {hdrSize}, smaller than {cName} ({knownSize} bytes)");
        }

        ulong total = checked((ulong)hdrSize + first + second);
        if (total > (ulong)descriptor.Bytes.Length)
        {
            throw descriptor.Error($"hdr_size {hdrSize} + variable parts {first} + {second} = {total} bytes, more than its descriptor's {descriptor.Bytes.Length}");
        }

        return (int)hdrSize;
    }

    private List<ImageSegment> ReadSegments(RawNote note)
    {
        var descriptor = Descriptor(note);
        var entries = descriptor.Array<Interop.Uapi.KckptSegment>("struct kckpt_segment");
        var segments = new List<ImageSegment>(entries.Length);
        for (int i = 0; i < entries.Length; i++)
        {
            var s = entries[i];
            if (!file.Contains(s.Offset, s.Size))
            {
                throw file.Error(
                    descriptor.Offset + (long)i * Unsafe.SizeOf<Interop.Uapi.KckptSegment>(),
                    $"KCKPT_NT_SEGMENTS entry {i}: its data (offset 0x{s.Offset:x}, size 0x{s.Size:x}) lies past the end of the file ({file.Length} bytes)");
            }

            segments.Add(new ImageSegment(i, s.Vaddr, s.Offset, s.Size, s.Crc32c, s.PhdrIndex));
        }

        return segments;
    }

    private string ReadPath(RawNote note)
    {
        var descriptor = Descriptor(note);
        if (descriptor.Bytes.IndexOf((byte)0) < 0)
        {
            throw descriptor.Error("the path is not NUL-terminated");
        }

        return Interop.CString.Decode(descriptor.Bytes);
    }

    private string? ReadCommandLine()
    {
        var psinfo = notes.FirstOrDefault(n => n.IsCore && n.Type == Elf.NtPrPsInfo);
        if (psinfo is null)
        {
            return null;
        }

        if (psinfo.Descriptor.Length < PrPsInfoSize)
        {
            throw Descriptor(psinfo).Error($"its descriptor is {psinfo.Descriptor.Length} bytes, shorter than struct elf_prpsinfo ({PrPsInfoSize} bytes)");
        }

        return Interop.CString.Decode(psinfo.Descriptor.Span.Slice(PsArgsOffset, PsArgsLength)).TrimEnd();
    }

    /// <summary>
    /// The manifest, when the note holds a valid ImageManifest. The kernel stores whatever bytes the requester passed,
    /// so other bytes do not make the image invalid: they are reported as a problem of the manifest alone.
    /// </summary>
    private static (ImageManifest? Manifest, string? Problem) ReadManifest(RawNote? note)
    {
        if (note is null)
        {
            return (null, null);
        }

        try
        {
            return (ImageManifest.Parser.ParseFrom(note.Descriptor.Span), null);
        }
        catch (InvalidProtocolBufferException e)
        {
            return (null, $"its {note.Descriptor.Length} bytes are not a KCkpt manifest ({e.Message})");
        }
    }
}
