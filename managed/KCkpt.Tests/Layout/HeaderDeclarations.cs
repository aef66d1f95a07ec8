using System.Text.RegularExpressions;

namespace KCkpt.Tests.Layout;

/// <summary>The names kckpt.h declares, read from its text so that a new one missing from the C# mirror is noticed.</summary>
public static partial class HeaderDeclarations
{
    /// <summary>Every KCKPT_* macro.</summary>
    public static IEnumerable<string> Macros(string header) =>
        MacroPattern().Matches(header).Select(m => m.Groups[1].Value);

    /// <summary>Every struct kckpt_* definition with its field names, in order.</summary>
    public static IEnumerable<(string Struct, IReadOnlyList<string> Fields)> Structs(string header) =>
        StructPattern().Matches(WithoutComments(header)).Select(m => (
            $"struct {m.Groups[1].Value}",
            (IReadOnlyList<string>)m.Groups[2].Value.Split(';')
                .Where(decl => !string.IsNullOrWhiteSpace(decl))
                .Select(decl => FieldName().Match(decl).Groups[1].Value)
                .ToList()));

    private static string WithoutComments(string header) => CommentPattern().Replace(header, " ");

    [GeneratedRegex(@"^#define\s+(KCKPT_\w+)", RegexOptions.Multiline)]
    private static partial Regex MacroPattern();

    [GeneratedRegex(@"struct\s+(kckpt_\w+)\s*\{([^}]*)\}\s*;")]
    private static partial Regex StructPattern();

    [GeneratedRegex(@"(\w+)\s*(\[[^\]]*\])?\s*$")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();
}
