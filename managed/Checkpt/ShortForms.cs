namespace KCkpt.Cli;

/// <summary>
/// DragonFly checkpt(1)'s short forms, translated to verbs before parsing: "checkpt -c PID ..." is
/// "checkpt dump PID ...", "checkpt -r FILE ..." is "checkpt restore FILE ...". "checkpt -s PID" (or --signal PID,
/// "send SIGCKPT") is "checkpt request PID": DragonFly has kill -CKPT for that, checkpt has no -s there.
/// </summary>
internal static class ShortForms
{
    private static readonly Dictionary<string, string> VerbOfFlag = new(StringComparer.Ordinal)
    {
        ["-c"] = "dump",
        ["-r"] = "restore",
        ["-s"] = "request",
        ["--signal"] = "request",
    };

    public static string[] Translate(string[] args) =>
        args.Length > 0 && VerbOfFlag.TryGetValue(args[0], out string? verb) ? [verb, .. args[1..]] : args;
}
