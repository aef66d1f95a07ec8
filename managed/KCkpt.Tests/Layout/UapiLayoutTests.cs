using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static Interop.Uapi;

namespace KCkpt.Tests.Layout;

/// <summary>The C# mirror (Interop.Uapi) agrees with include/uapi/kckpt.h as cc compiles it.</summary>
public sealed class UapiLayoutTests(UapiHeaderProbe probe) : IClassFixture<UapiHeaderProbe>
{
    private static readonly string Header = File.ReadAllText(UapiHeaderProbe.HeaderPath);

    public static TheoryData<string> FactExpressions => new(UapiFacts.All.Select(f => f.CExpression));

    [Theory]
    [MemberData(nameof(FactExpressions))]
    public void CSharpMirrorHasTheValueCComputesFromTheHeader(string cExpression)
    {
        var fact = UapiFacts.All.Single(f => f.CExpression == cExpression);

        fact.Expected.Should().Be(probe.CValues[cExpression], $"C computes {cExpression} from kckpt.h");
    }

    /// <summary>
    /// Declarations of the header that the C# side does not use yet, so does not mirror yet: the restore ioctls
    /// after BEGIN (driven by the C helper kckpt-restore; checkpt -r uses BEGIN's dry run only). Anything else new
    /// in the header must be mirrored.
    /// </summary>
    private static readonly string[] NotMirroredYet =
    [
        "KCKPT_RESTORE_RESUME_CODE", "KCKPT_RESTORE_FLAGS",
        "KCKPT_IOC_RESTORE_NOTE", "KCKPT_IOC_RESTORE_FINISH",
        "sizeof(struct kckpt_restore_note)", "sizeof(struct kckpt_restore_finish)",
    ];

    [Fact]
    public void EveryMacroOfTheHeaderIsMirrored()
    {
        var macros = HeaderDeclarations.Macros(Header).Except(NotMirroredYet);

        macros.Should().NotBeEmpty().And.BeSubsetOf(UapiFacts.All.Select(f => f.CExpression));
    }

    [Fact]
    public void EveryStructOfTheHeaderIsMirrored()
    {
        var structs = HeaderDeclarations.Structs(Header).Select(s => $"sizeof({s.Struct})").Except(NotMirroredYet);

        structs.Should().NotBeEmpty().And.BeSubsetOf(UapiFacts.All.Select(f => f.CExpression));
    }

    [Fact]
    public void EveryFieldOfAMirroredStructIsChecked()
    {
        var expressions = UapiFacts.All.Select(f => f.CExpression).ToHashSet();
        var mirrored = HeaderDeclarations.Structs(Header).Where(s => expressions.Contains($"sizeof({s.Struct})")).ToList();

        mirrored.Should().NotBeEmpty();
        foreach (var (cStruct, fields) in mirrored)
        {
            expressions.Should().Contain(fields.Select(field => $"offsetof({cStruct}, {field})"), $"{cStruct} is mirrored in C#");
        }
    }

    public static TheoryData<string, int, int> ManagedAndMarshalledSizes => new()
    {
        { nameof(KckptVersion), Unsafe.SizeOf<KckptVersion>(), Marshal.SizeOf<KckptVersion>() },
        { nameof(KckptCheckpoint), Unsafe.SizeOf<KckptCheckpoint>(), Marshal.SizeOf<KckptCheckpoint>() },
        { nameof(KckptRequest), Unsafe.SizeOf<KckptRequest>(), Marshal.SizeOf<KckptRequest>() },
        { nameof(KckptImageHdr), Unsafe.SizeOf<KckptImageHdr>(), Marshal.SizeOf<KckptImageHdr>() },
        { nameof(KckptRlimit), Unsafe.SizeOf<KckptRlimit>(), Marshal.SizeOf<KckptRlimit>() },
        { nameof(KckptProc), Unsafe.SizeOf<KckptProc>(), Marshal.SizeOf<KckptProc>() },
        { nameof(KckptThread), Unsafe.SizeOf<KckptThread>(), Marshal.SizeOf<KckptThread>() },
        { nameof(KckptSigaction), Unsafe.SizeOf<KckptSigaction>(), Marshal.SizeOf<KckptSigaction>() },
        { nameof(KckptSiginfo), Unsafe.SizeOf<KckptSiginfo>(), Marshal.SizeOf<KckptSiginfo>() },
        { nameof(KckptVma), Unsafe.SizeOf<KckptVma>(), Marshal.SizeOf<KckptVma>() },
        { nameof(KckptFd), Unsafe.SizeOf<KckptFd>(), Marshal.SizeOf<KckptFd>() },
        { nameof(KckptSegment), Unsafe.SizeOf<KckptSegment>(), Marshal.SizeOf<KckptSegment>() },
        { nameof(KckptTermios), Unsafe.SizeOf<KckptTermios>(), Marshal.SizeOf<KckptTermios>() },
    };

    [Theory]
    [MemberData(nameof(ManagedAndMarshalledSizes))]
    public void MirroredStructHasTheSameSizeInManagedMemoryAsMarshalled(string mirror, int managedSize, int marshalledSize)
    {
        // The ioctls pass structs pinned and the image reader reinterprets bytes in place,
        // so the kernel and the file see the managed layout, not a marshalled copy.
        managedSize.Should().Be(marshalledSize, $"{mirror} is used in place");
    }
}
