using System.Globalization;
using System.Runtime.InteropServices;

namespace KCkpt.Tests.Layout;

/// <summary>One value of kckpt.h: the C expression that computes it and the value the C# mirror has.</summary>
public sealed record HeaderFact(string CExpression, string PrintStatement, string Expected)
{
    public static HeaderFact Number(string cExpression, ulong expected) => new(
        cExpression,
        $"printf(\"%llu\\n\", (unsigned long long)({cExpression}));",
        expected.ToString(CultureInfo.InvariantCulture));

    public static HeaderFact Text(string cExpression, string expected) =>
        new(cExpression, $"printf(\"%s\\n\", {cExpression});", expected);

    public static HeaderFact SizeOf<T>(string cType) =>
        Number($"sizeof({cType})", (ulong)Marshal.SizeOf<T>());

    public static HeaderFact OffsetOf<T>(string cType, string cField, string csharpField) =>
        Number($"offsetof({cType}, {cField})", (ulong)Marshal.OffsetOf<T>(csharpField));
}
