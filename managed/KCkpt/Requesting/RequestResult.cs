namespace KCkpt.Requesting;

/// <summary>
/// What KCKPT_IOC_REQUEST reports: the action the target took and, when it was checkpointed, where the image is
/// (its absolute path) and how many bytes it has.
/// </summary>
public sealed record RequestResult(RequestAction Action, string? ImagePath = null, ulong ImageBytes = 0)
{
    public static RequestResult Signalled { get; } = new(RequestAction.Signalled);

    public static RequestResult Ignored { get; } = new(RequestAction.Ignored);

    public static RequestResult Checkpointed(string imagePath, ulong imageBytes) => new(RequestAction.Checkpointed, imagePath, imageBytes);
}
