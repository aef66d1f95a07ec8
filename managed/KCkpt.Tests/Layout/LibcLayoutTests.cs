using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static Interop;

namespace KCkpt.Tests.Layout;

/// <summary>What Interop declares of the C library (constants, ioctl numbers, structs) agrees with its headers as cc compiles them.</summary>
public sealed class LibcLayoutTests(LibcHeaderProbe probe) : IClassFixture<LibcHeaderProbe>
{
    public static TheoryData<string> FactExpressions => new(LibcFacts.All.Select(f => f.CExpression));

    [Theory]
    [MemberData(nameof(FactExpressions))]
    public void CSharpDeclarationHasTheValueCComputesFromTheHeaders(string cExpression)
    {
        var fact = LibcFacts.All.Single(f => f.CExpression == cExpression);

        fact.Expected.Should().Be(probe.CValues[cExpression], $"C computes {cExpression} from the C library's headers");
    }

    public static TheoryData<string, int, int> ManagedAndMarshalledSizes => new()
    {
        { nameof(Libc.PosixSpawnAttr), Unsafe.SizeOf<Libc.PosixSpawnAttr>(), Marshal.SizeOf<Libc.PosixSpawnAttr>() },
        { nameof(Libc.StatxBuffer), Unsafe.SizeOf<Libc.StatxBuffer>(), Marshal.SizeOf<Libc.StatxBuffer>() },
        { nameof(Libc.UtsName), Unsafe.SizeOf<Libc.UtsName>(), Marshal.SizeOf<Libc.UtsName>() },
    };

    [Theory]
    [MemberData(nameof(ManagedAndMarshalledSizes))]
    public void StructPassedByPointerHasTheSameSizeInManagedMemoryAsMarshalled(string declaration, int managedSize, int marshalledSize)
    {
        // posix_spawnattr_t lives on the stack and statx and uname write into pinned structs: C sees the managed layout.
        managedSize.Should().Be(marshalledSize, $"{declaration} is passed in place");
    }
}
