namespace KCkpt.Cli.Dump;

/// <summary>One --label KEY=VALUE of checkpt dump; the parser reports a malformed one as a usage error.</summary>
internal sealed class ImageLabel
{
    /// <summary>Parses KEY=VALUE; the key must not be empty, the value may be.</summary>
    /// <exception cref="FormatException">There is no '=' or nothing before it.</exception>
    public ImageLabel(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new FormatException($"label '{text}' is not KEY=VALUE");
        }

        Key = text[..equals];
        Value = text[(equals + 1)..];
    }

    public string Key { get; }

    public string Value { get; }
}
