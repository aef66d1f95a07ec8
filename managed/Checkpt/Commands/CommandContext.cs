using KCkpt.Cli.Restore;

namespace KCkpt.Cli.Commands;

/// <summary>
/// What a command may touch: its output streams, whether stderr is a terminal, the kckpt device path, and what
/// restore uses of the process (null: the real one, <see cref="RestoreHost.Current"/>).
/// </summary>
internal sealed record CommandContext(
    TextWriter Out, TextWriter Error, string DevicePath, bool ErrorIsTerminal = false, RestoreHost? RestoreHost = null);
