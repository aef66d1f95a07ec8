namespace KCkpt.Cli.Info;

/// <summary>Left-aligned columns, two spaces apart, under a header line.</summary>
internal static class TextTable
{
    private const string Indent = "  ";

    public static void Write(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        int[] widths = header.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, column) => cell.PadRight(widths[column]));
            output.WriteLine((Indent + string.Join("  ", cells)).TrimEnd());
        }
    }
}
