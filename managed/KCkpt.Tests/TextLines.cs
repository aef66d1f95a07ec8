namespace KCkpt.Tests;

/// <summary>Expected output: lines, each ended by the platform's newline as TextWriter.WriteLine ends it.</summary>
internal static class TextLines
{
    public static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + Environment.NewLine));
}
