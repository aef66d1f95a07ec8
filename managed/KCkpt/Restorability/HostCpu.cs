using System.Runtime.Intrinsics.X86;

namespace KCkpt.Restorability;

/// <summary>What this machine's CPU offers to a restored process.</summary>
public static class HostCpu
{
    private const int XStateLeaf = 0xD;

    /// <summary>The XCR0 bits the CPU supports: CPUID leaf 0xD subleaf 0, EDX:EAX; 0 without XSAVE.</summary>
    public static ulong SupportedXFeatures()
    {
        if (!X86Base.IsSupported || X86Base.CpuId(0, 0).Eax < XStateLeaf)
        {
            return 0;
        }

        var (eax, _, _, edx) = X86Base.CpuId(XStateLeaf, 0);
        return (uint)eax | (ulong)(uint)edx << 32;
    }
}
