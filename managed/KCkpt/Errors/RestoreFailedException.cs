namespace KCkpt.Errors;

/// <summary>
/// A restore was refused or could not start: "cannot restore IMAGE: first reason", then every further reason on a
/// line of its own, indented.
/// </summary>
public sealed class RestoreFailedException(string image, IReadOnlyList<string> reasons, int? errno = null)
    : KckptException(Describe(image, reasons), errno)
{
    public RestoreFailedException(string image, string reason, int? errno = null)
        : this(image, [reason], errno)
    {
    }

    /// <summary>Every reason, the first one first.</summary>
    public IReadOnlyList<string> Reasons { get; } = reasons;

    private static string Describe(string image, IReadOnlyList<string> reasons) =>
        string.Join(Environment.NewLine + "  ", reasons.Skip(1).Prepend($"cannot restore {image}: {reasons[0]}"));
}
