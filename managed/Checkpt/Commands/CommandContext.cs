namespace KCkpt.Cli.Commands;

/// <summary>What a command may touch: its output streams and the kckpt device path.</summary>
internal sealed record CommandContext(TextWriter Out, TextWriter Error, string DevicePath);
