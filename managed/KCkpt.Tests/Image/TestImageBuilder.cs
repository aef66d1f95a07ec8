using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Google.Protobuf;
using KCkpt.Image;
using KCkpt.Manifest;
using static Interop;
using static Interop.Uapi;

namespace KCkpt.Tests.Image;

/// <summary>A mapping the builder writes: its pages, which of them are saved, and what it maps.</summary>
internal sealed record TestVma(
    ulong Start, int Pages, uint Kind = Uapi.VmaAnon, uint Prot = 3, string? Path = null, int[]? Saved = null,
    FileIdentity File = default, uint Flags = 0);

/// <summary>An open file descriptor the builder writes.</summary>
internal sealed record TestFd(
    int Fd, uint Kind, string Path, uint Flags = 0, long Position = 0, bool CloseOnExec = false, FileIdentity File = default);

/// <summary>Where a note ended up in a built image.</summary>
internal sealed record BuiltNote(string Name, uint Type, long HeaderOffset, long DescriptorOffset, int DescriptorSize);

/// <summary>A built image and where its parts are, for tests that damage them.</summary>
internal sealed record BuiltImage(byte[] Bytes, IReadOnlyList<BuiltNote> Notes, long ProgramHeaderTableOffset, int ProgramHeaderCount)
{
    public BuiltNote Kckpt(uint type, int index = 0) => Notes.Where(n => n.Name == Uapi.NoteName && n.Type == type).ElementAt(index);

    public long ProgramHeaderOffset(int index) => ProgramHeaderTableOffset + (long)index * Elf.ProgramHeaderSize;

    public CheckpointImage Read() => CheckpointImage.Read(new MemoryStream(Bytes, writable: false), "test.ckpt");

    public ImageVerification Verify() => ImageVerifier.Verify(new MemoryStream(Bytes, writable: false), "test.ckpt");

    public string WriteTo(string directory, string name = "test.ckpt")
    {
        string path = Path.Combine(directory, name);
        File.WriteAllBytes(path, Bytes);
        return path;
    }

    /// <summary>A copy with <paramref name="patch"/> applied.</summary>
    public BuiltImage With(Action<byte[]> patch)
    {
        var bytes = (byte[])Bytes.Clone();
        patch(bytes);
        return this with { Bytes = bytes };
    }

    public BuiltImage WithUInt32(long offset, uint value) => With(b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((int)offset), value));

    public BuiltImage WithUInt64(long offset, ulong value) => With(b => BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan((int)offset), value));

    public BuiltImage Truncated(int length) => this with { Bytes = Bytes[..length] };
}

/// <summary>
/// Writes checkpoint images the way kckpt.h describes them (and kckpt.ko writes them): ELF header page, page data,
/// one PT_LOAD per run of saved pages and p_filesz == 0 PT_LOADs for the gaps, the notes, the program header table
/// last with PT_NOTE first. Every field has a plausible default; tests change what they look at.
/// </summary>
internal sealed class TestImageBuilder
{
    public const int PageSize = 4096;

    /// <summary>offsetof(struct elf_prstatus, common.pr_pid) on x86_64.</summary>
    private const int PrPidOffset = 32;

    public string KernelRelease { get; set; } = "6.1.0-56-amd64";
    public string KernelVersion { get; set; } = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22)";
    public string Hostname { get; set; } = "buildbox";
    public string ModuleVersion { get; set; } = "0.1.0";
    public DateTimeOffset Created { get; set; } = new(2025, 5, 22, 10, 11, 12, 500, TimeSpan.Zero);
    public uint Uid { get; set; } = 1000;
    public uint Gid { get; set; } = 1000;
    public uint? Euid { get; set; }
    public uint? Egid { get; set; }
    public uint Dumpable { get; set; } = 1;
    public int Pid { get; set; } = 4242;
    public ulong XFeatures { get; set; } = 0x7;
    public uint VdsoCrc32c { get; set; } = 0xdeadbeef;
    public uint Flags { get; set; }
    public string Comm { get; set; } = "sleeper";
    public string PsArgs { get; set; } = "sleeper 1000";
    public string Cwd { get; set; } = "/home/alice";
    public string? Exe { get; set; } = "/usr/bin/sleeper";
    public ulong Ip { get; set; } = 0x401234;
    public ulong Sp { get; set; } = 0x7ffc10000ff0;
    public ulong Ax { get; set; } = 35;
    public uint Restart { get; set; } = Uapi.RestartReissue;
    public ulong BlockedSignals { get; set; } = 1UL << (2 - 1);

    public List<(int Signal, ulong Handler, ulong Flags)> Handlers { get; } =
    [
        (2, 0x401500, 0x14000000), // SIGINT: SA_RESTART | SA_RESTORER
        (13, SignalAction.Ignore, 0), // SIGPIPE
    ];

    public List<(uint Queue, int Tid, int Signal)> Pending { get; } = [(Uapi.SigqShared, 0, 10)];

    public List<TestVma> Vmas { get; } =
    [
        new(0x400000, 1, Uapi.VmaFilePrivate, Prot: 5, Path: "/usr/bin/sleeper"),
        new(0x401000, 2, Uapi.VmaFilePrivate, Prot: 3, Path: "/usr/bin/sleeper", Saved: [1]),
        new(0x1000000, 4, Saved: [0, 1, 3], Flags: Uapi.VmafHeap),
        new(0x7ffc0fffe000, 3, Saved: [1, 2], Flags: Uapi.VmafStack | Uapi.VmafGrowsDown),
        new(0x7ffc10100000, 2, Uapi.VmaVdso, Prot: 5),
    ];

    public List<TestFd> Fds { get; } =
    [
        new(0, Uapi.FdTty, "/dev/pts/0", Flags: 2),
        new(1, Uapi.FdTty, "/dev/pts/0", Flags: 2),
        new(2, Uapi.FdTty, "/dev/pts/0", Flags: 2),
        new(3, Uapi.FdRegular, "/home/alice/data.txt", Flags: 0x400, Position: 123, CloseOnExec: true),
    ];

    public ImageManifest? Manifest { get; set; } = DefaultManifest();

    /// <summary>Bytes to store as the manifest instead of <see cref="Manifest"/>: the kernel stores whatever it is given.</summary>
    public byte[]? RawManifest { get; set; }

    /// <summary>Notes a reader must skip: an unknown KCKPT type and an unknown owner.</summary>
    public List<(string Name, uint Type, byte[] Descriptor)> ExtraNotes { get; } =
    [
        (Uapi.NoteName, Uapi.NtBase + 99, [1, 2, 3, 4, 5]),
        ("GNU", 5, [9, 9, 9, 9]),
    ];

    /// <summary>
    /// Bytes added to (zeros: a newer, longer format) or, when negative, cut from the end of KCKPT descriptors, by type.
    /// </summary>
    public Dictionary<uint, int> DescriptorGrowth { get; } = [];

    /// <summary>Zero bytes after struct kckpt_vma and struct kckpt_fd, counted in hdr_size: a newer, longer header.</summary>
    public int VariableHeaderGrowth { get; set; }

    /// <summary>The byte at offset <paramref name="index"/> of the saved page at <paramref name="pageAddress"/>.</summary>
    public static byte PageByte(ulong pageAddress, int index) => (byte)((pageAddress >> 12) * 31 + (ulong)index * 7);

    public static ImageManifest DefaultManifest()
    {
        var manifest = new ImageManifest
        {
            ToolVersion = "0.1.0",
            Host = "buildbox",
            CreatedUnixMs = 1747908672000,
            TargetPid = 4242,
            User = "alice",
        };
        manifest.CommandLine.Add(["sleeper", "1000"]);
        manifest.Labels["job"] = "nightly";
        manifest.Labels["owner"] = "alice";
        return manifest;
    }

    public BuiltImage Build()
    {
        var data = new List<byte>(new byte[PageSize]);
        var loads = new List<(ulong Offset, ulong Vaddr, ulong FileSize, ulong MemSize, uint Flags)>();
        var segments = new List<KckptSegment>();
        foreach (var vma in Vmas)
        {
            WriteVmaData(vma, data, loads, segments);
        }

        var notes = new NoteWriter(data.Count);
        WriteNotes(notes, segments);

        long phoff = (data.Count + notes.Bytes.Count + 7) & ~7L;
        var image = new List<byte>(data);
        image.AddRange(notes.Bytes);
        image.AddRange(new byte[phoff - image.Count]);
        image.AddRange(ProgramHeader(Elf.PtNote, 0, (ulong)data.Count, 0, (ulong)notes.Bytes.Count, 0, 4));
        foreach (var load in loads)
        {
            image.AddRange(ProgramHeader(Elf.PtLoad, load.Flags, load.Offset, load.Vaddr, load.FileSize, load.MemSize, PageSize));
        }

        var bytes = image.ToArray();
        ElfHeader(phoff, (ushort)(loads.Count + 1)).CopyTo(bytes, 0);
        return new BuiltImage(bytes, notes.Written, phoff, loads.Count + 1);
    }

    private static void WriteVmaData(
        TestVma vma, List<byte> data, List<(ulong, ulong, ulong, ulong, uint)> loads, List<KckptSegment> segments)
    {
        uint pflags = ((vma.Prot & 1) != 0 ? Elf.PfR : 0) | ((vma.Prot & 2) != 0 ? Elf.PfW : 0) | ((vma.Prot & 4) != 0 ? Elf.PfX : 0);
        ulong cursor = vma.Start;
        var saved = (vma.Saved ?? []).Order().ToList();
        for (int i = 0; i < saved.Count;)
        {
            int first = saved[i];
            int count = 1;
            while (i + count < saved.Count && saved[i + count] == first + count)
            {
                count++;
            }

            ulong vaddr = vma.Start + (ulong)first * PageSize;
            if (vaddr > cursor)
            {
                loads.Add((0, cursor, 0, vaddr - cursor, pflags));
            }

            ulong size = (ulong)count * PageSize;
            var run = new byte[size];
            for (int page = 0; page < count; page++)
            {
                for (int b = 0; b < PageSize; b++)
                {
                    run[page * PageSize + b] = PageByte(vaddr + (ulong)page * PageSize, b);
                }
            }

            segments.Add(new KckptSegment
            {
                Vaddr = vaddr,
                Offset = (ulong)data.Count,
                Size = size,
                Crc32c = Crc32C.Compute(run),
                PhdrIndex = (uint)loads.Count + 1,
            });
            loads.Add(((ulong)data.Count, vaddr, size, size, pflags));
            data.AddRange(run);
            cursor = vaddr + size;
            i += count;
        }

        ulong end = vma.Start + (ulong)vma.Pages * PageSize;
        if (end > cursor)
        {
            loads.Add((0, cursor, 0, end - cursor, pflags));
        }
    }

    private void WriteNotes(NoteWriter notes, List<KckptSegment> segments)
    {
        notes.Growth = DescriptorGrowth;
        notes.Add(Uapi.NoteName, Uapi.NtImage, Bytes(Header()));
        notes.Add(Elf.CoreNoteName, Elf.NtPrStatus, PrStatus());
        notes.Add(Elf.CoreNoteName, Elf.NtPrFpReg, new byte[512]);
        notes.Add(Uapi.NoteName, Uapi.NtThread, Bytes(Thread()));
        notes.Add(Elf.CoreNoteName, Elf.NtPrPsInfo, PrPsInfo());
        notes.Add(Elf.CoreNoteName, Elf.NtAuxv, new byte[16]);
        notes.Add(Uapi.NoteName, Uapi.NtProc, Bytes(Proc()));
        notes.Add(Uapi.NoteName, Uapi.NtCwd, CString(Cwd));
        if (Exe is not null)
        {
            notes.Add(Uapi.NoteName, Uapi.NtExe, CString(Exe));
        }

        foreach (var (name, type, descriptor) in ExtraNotes)
        {
            notes.Add(name, type, descriptor);
        }

        notes.Add(Uapi.NoteName, Uapi.NtSigActions, SigActions());
        notes.Add(Uapi.NoteName, Uapi.NtSigPending, [.. Pending.SelectMany(p => Bytes(SigInfo(p.Queue, p.Tid, p.Signal)))]);
        foreach (var fd in Fds)
        {
            notes.Add(Uapi.NoteName, Uapi.NtFd, [.. Bytes(Fd(fd)), .. new byte[VariableHeaderGrowth], .. CString(fd.Path)]);
        }

        foreach (var vma in Vmas)
        {
            notes.Add(Uapi.NoteName, Uapi.NtVma, VmaNote(vma));
        }

        notes.Add(Uapi.NoteName, Uapi.NtSegments, [.. segments.SelectMany(s => Bytes(s))]);
        if ((RawManifest ?? Manifest?.ToByteArray()) is { } manifest)
        {
            notes.Add(Uapi.NoteName, Uapi.NtManifest, manifest);
        }
    }

    private unsafe KckptImageHdr Header()
    {
        var vdso = Vmas.FirstOrDefault(v => v.Kind == Uapi.VmaVdso);
        var h = new KckptImageHdr
        {
            FormatVersion = Uapi.FormatVersion,
            AbiVersion = Uapi.AbiVersion,
            Flags = Flags,
            ResumeCode = Uapi.DefaultResume,
            CreatedSec = Created.ToUnixTimeSeconds(),
            CreatedNsec = (uint)(Created.ToUnixTimeMilliseconds() % 1000 * 1_000_000),
            NrThreads = 1,
            Uid = Uid,
            Gid = Gid,
            Euid = Euid ?? Uid,
            Egid = Egid ?? Gid,
            Pid = Pid,
            Ppid = 1,
            Pgid = Pid,
            Sid = Pid,
            XFeatures = XFeatures,
            XStateSize = 2696,
            PageSize = PageSize,
            VdsoStart = vdso?.Start ?? 0,
            VdsoSize = (ulong)(vdso?.Pages ?? 0) * PageSize,
            VdsoCrc32c = VdsoCrc32c,
        };
        Put(h.KernelRelease, Uapi.UtsLen, KernelRelease);
        Put(h.KernelVersion, Uapi.UtsLen, KernelVersion);
        Put(h.Hostname, Uapi.UtsLen, Hostname);
        Put(h.ModuleVersion, Uapi.VersionStrLen, ModuleVersion);
        return h;
    }

    private byte[] PrStatus()
    {
        var prstatus = new byte[UserRegisters.PrStatusSize];
        BinaryPrimitives.WriteInt32LittleEndian(prstatus.AsSpan(PrPidOffset), Pid);
        var registers = new ulong[UserRegisters.Count];
        for (int i = 0; i < registers.Length; i++)
        {
            registers[i] = 0x1000 + (ulong)i; // distinct, so a register read from the wrong slot shows
        }

        registers[10] = Ax;
        registers[16] = Ip;
        registers[19] = Sp;
        for (int i = 0; i < registers.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(prstatus.AsSpan(UserRegisters.PrRegOffset + i * 8), registers[i]);
        }

        return prstatus;
    }

    private KckptThread Thread() => new()
    {
        Tid = Pid,
        Restart = Restart,
        SyscallNr = 35,
        SigMask = BlockedSignals,
        FsBase = 0x7f0000001740,
    };

    private byte[] PrPsInfo()
    {
        var psinfo = new byte[136];
        Encoding.UTF8.GetBytes(Comm).CopyTo(psinfo, 40);
        Encoding.UTF8.GetBytes(PsArgs).CopyTo(psinfo, 56);
        return psinfo;
    }

    private unsafe KckptProc Proc()
    {
        var p = new KckptProc { Umask = 0x12, Dumpable = Dumpable, StartCode = 0x400000, EndCode = 0x401000, StartBrk = 0x1000000, Brk = 0x1004000 };
        Put(p.Comm, Uapi.CommLen, Comm);
        for (int i = 0; i < Uapi.NRlimits; i++)
        {
            p.Rlim[i] = new KckptRlimit { Cur = (ulong)i, Max = ulong.MaxValue };
        }

        return p;
    }

    private byte[] SigActions()
    {
        var actions = new KckptSigaction[Uapi.NSig];
        foreach (var (signal, handler, flags) in Handlers)
        {
            actions[signal - 1] = new KckptSigaction { Handler = handler, Flags = flags, Restorer = 0x7f0000040000 };
        }

        return MemoryMarshal.AsBytes(actions.AsSpan()).ToArray();
    }

    private static unsafe KckptSiginfo SigInfo(uint queue, int tid, int signal)
    {
        var s = new KckptSiginfo { Queue = queue, Tid = tid };
        BinaryPrimitives.WriteInt32LittleEndian(new Span<byte>(s.Info, KckptSiginfo.InfoSize), signal);
        return s;
    }

    private KckptFd Fd(TestFd fd) => new()
    {
        HdrSize = (uint)(Marshal.SizeOf<KckptFd>() + VariableHeaderGrowth),
        Fd = fd.Fd,
        Kind = fd.Kind,
        CloExec = fd.CloseOnExec ? 1U : 0,
        Flags = fd.Flags,
        Pos = fd.Position,
        Dev = fd.File.Device,
        Ino = fd.File.Inode,
        Size = fd.File.Size,
        MtimeSec = fd.File.MtimeSec,
        MtimeNsec = fd.File.MtimeNsec,
        PathLen = (uint)Encoding.UTF8.GetByteCount(fd.Path) + 1,
    };

    private byte[] VmaNote(TestVma vma)
    {
        var saved = vma.Saved ?? [];
        var bitmap = saved.Length == 0 ? [] : new byte[(vma.Pages + 7) / 8];
        foreach (int page in saved)
        {
            bitmap[page / 8] |= (byte)(1 << (page % 8));
        }

        var path = vma.Path is null ? [] : CString(vma.Path);
        var v = new KckptVma
        {
            HdrSize = (uint)(Marshal.SizeOf<KckptVma>() + VariableHeaderGrowth),
            Kind = vma.Kind,
            Prot = vma.Prot,
            Flags = vma.Flags,
            Start = vma.Start,
            End = vma.Start + (ulong)vma.Pages * PageSize,
            Dev = vma.File.Device,
            Ino = vma.File.Inode,
            FileSize = vma.File.Size,
            MtimeSec = vma.File.MtimeSec,
            MtimeNsec = vma.File.MtimeNsec,
            PathLen = (uint)path.Length,
            NrSaved = (ulong)saved.Length,
            BitmapLen = (uint)bitmap.Length,
        };
        return [.. Bytes(v), .. new byte[VariableHeaderGrowth], .. path, .. bitmap];
    }

    private static byte[] ElfHeader(long phoff, ushort phnum)
    {
        var h = new byte[Elf.HeaderSize];
        Elf.Magic.CopyTo(h);
        h[4] = Elf.ClassElf64;
        h[5] = Elf.DataLittleEndian;
        h[6] = Elf.VersionCurrent;
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(16), Elf.TypeCore);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(18), Elf.MachineX86_64);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(20), Elf.VersionCurrent);
        BinaryPrimitives.WriteUInt64LittleEndian(h.AsSpan(32), (ulong)phoff);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(52), Elf.HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(54), Elf.ProgramHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(56), phnum);
        return h;
    }

    private static byte[] ProgramHeader(uint type, uint flags, ulong offset, ulong vaddr, ulong filesz, ulong memsz, ulong align)
    {
        var p = new byte[Elf.ProgramHeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(p, type);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4), flags);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(8), offset);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(16), vaddr);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(32), filesz);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(40), memsz);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(48), align);
        return p;
    }

    private static byte[] Bytes<T>(T value)
        where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();

    private static byte[] CString(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    private static unsafe void Put(byte* buffer, int capacity, string text) =>
        Encoding.UTF8.GetBytes(text).AsSpan(0, Math.Min(Encoding.UTF8.GetByteCount(text), capacity - 1)).CopyTo(new Span<byte>(buffer, capacity));

    /// <summary>The PT_NOTE segment being written: each note's header, name and descriptor padded to 4.</summary>
    private sealed class NoteWriter(long segmentOffset)
    {
        public List<byte> Bytes { get; } = [];

        public List<BuiltNote> Written { get; } = [];

        public Dictionary<uint, int> Growth { get; set; } = [];

        public void Add(string name, uint type, byte[] descriptor)
        {
            if (name == Uapi.NoteName && Growth.TryGetValue(type, out int extra))
            {
                descriptor = extra >= 0 ? [.. descriptor, .. new byte[extra]] : descriptor[..^-extra];
            }

            long header = segmentOffset + Bytes.Count;
            var nameBytes = CString(name);
            var fields = new byte[Elf.NoteHeaderSize];
            BinaryPrimitives.WriteUInt32LittleEndian(fields, (uint)nameBytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(fields.AsSpan(4), (uint)descriptor.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(fields.AsSpan(8), type);
            Bytes.AddRange(fields);
            AddPadded(nameBytes);
            Written.Add(new BuiltNote(name, type, header, segmentOffset + Bytes.Count, descriptor.Length));
            AddPadded(descriptor);
        }

        private void AddPadded(byte[] bytes)
        {
            Bytes.AddRange(bytes);
            Bytes.AddRange(new byte[(4 - bytes.Length % 4) % 4]);
        }
    }
}
