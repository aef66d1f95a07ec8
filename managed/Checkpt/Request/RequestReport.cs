using KCkpt.Requesting;

namespace KCkpt.Cli.Request;

/// <summary>The one line checkpt request prints: what the process did with the request.</summary>
internal static class RequestReport
{
    /// <summary>
    /// "checkpt: 123 (name) has a SIGCKPT handler: sent it signal 63", "... checkpointed itself to /abs/path (12.3 MiB)",
    /// "... ignores SIGCKPT: nothing done". <paramref name="signal"/> is the number sent (null: unknown);
    /// <paramref name="exit"/> says SIGCKPTEXIT was asked for.
    /// </summary>
    public static string Describe(string target, RequestResult result, int? signal, bool exit)
    {
        string name = exit ? "SIGCKPTEXIT" : "SIGCKPT";
        string what = result.Action switch
        {
            RequestAction.Signalled => $"has a {name} handler: sent it {(signal is { } number ? $"signal {number}" : name)}",
            RequestAction.Checkpointed => $"checkpointed itself to {result.ImagePath} ({Sizes.MiB(result.ImageBytes)}){(exit ? " and exited" : string.Empty)}",
            RequestAction.Ignored => $"ignores {name}: nothing done",
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Action, "unknown request action"),
        };
        return $"checkpt: {target} {what}";
    }
}
