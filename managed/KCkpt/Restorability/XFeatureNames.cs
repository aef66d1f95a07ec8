namespace KCkpt.Restorability;

/// <summary>Names of the XSAVE state components (bits of XCR0), as the kernel's xstate code names them.</summary>
public static class XFeatureNames
{
    private static readonly string[] Names =
    [
        "x87", "SSE", "AVX", "MPX bounds", "MPX CSR", "AVX-512 opmask", "AVX-512 ZMM_Hi256", "AVX-512 Hi16_ZMM",
        "PT", "PKRU", "PASID", "CET user", "CET supervisor", "HDC", "UINTR", "LBR", "HWP", "AMX TILECFG", "AMX TILEDATA",
    ];

    /// <summary>The name of every bit set in <paramref name="xfeatures"/>, lowest first; unnamed bits as "bit N".</summary>
    public static IReadOnlyList<string> Of(ulong xfeatures) =>
        Enumerable.Range(0, 64)
            .Where(bit => (xfeatures & 1UL << bit) != 0)
            .Select(bit => bit < Names.Length ? Names[bit] : $"bit {bit}")
            .ToList();
}
