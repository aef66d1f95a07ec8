using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KCkpt.Interop;

namespace KCkpt.Tests.Layout;

/// <summary>The C# mirror (KCkpt.Interop.Uapi) agrees with kmod/include/uapi/kckpt.h as cc compiles it.</summary>
public sealed class UapiLayoutTests(CompiledHeaderProbe probe) : IClassFixture<CompiledHeaderProbe>
{
    private static readonly string Header = File.ReadAllText(CompiledHeaderProbe.HeaderPath);

    public static TheoryData<string> FactExpressions => new(UapiFacts.All.Select(f => f.CExpression));

    [Theory]
    [MemberData(nameof(FactExpressions))]
    public void CSharpMirrorHasTheValueCComputesFromTheHeader(string cExpression)
    {
        var fact = UapiFacts.All.Single(f => f.CExpression == cExpression);

        fact.Expected.Should().Be(probe.CValues[cExpression], $"C computes {cExpression} from kckpt.h");
    }

    [Fact]
    public void EveryFeatureBitOfTheHeaderIsMirrored()
    {
        var featureBits = HeaderDeclarations.Macros(Header).Where(name => name.StartsWith("KCKPT_FEAT_", StringComparison.Ordinal));

        featureBits.Should().NotBeEmpty().And.BeSubsetOf(UapiFacts.All.Select(f => f.CExpression));
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

    [Fact]
    public void KckptVersionHasTheSameSizeInManagedMemoryAsMarshalled()
    {
        // The ioctl passes the struct pinned, so the kernel sees the managed layout, not a marshalled copy.
        Unsafe.SizeOf<KckptVersion>().Should().Be(Marshal.SizeOf<KckptVersion>());
    }
}
