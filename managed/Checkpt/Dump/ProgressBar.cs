namespace KCkpt.Cli.Dump;

/// <summary>A one-line progress bar on a terminal, redrawn while a long operation runs.</summary>
internal static class ProgressBar
{
    private const int Width = 30;
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    /// <summary>Draws <paramref name="done"/> against <paramref name="expected"/> until cancelled, then erases the line.</summary>
    public static async Task RunAsync(TextWriter terminal, Func<long> done, long expected, CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(cancel))
            {
                terminal.Write($"\r{Line(done(), expected)}");
                terminal.Flush();
            }
        }
        catch (OperationCanceledException)
        {
            terminal.Write($"\r{new string(' ', Line(0, expected).Length)}\r");
            terminal.Flush();
        }
    }

    /// <summary>"checkpt: writing [#####-----] 12.3 of ~45.6 MiB"; never shows more than 99 % before the end.</summary>
    internal static string Line(long done, long expected)
    {
        double fraction = Math.Clamp((double)done / expected, 0, 0.99);
        int filled = (int)(fraction * Width);
        return $"checkpt: writing [{new string('#', filled)}{new string('-', Width - filled)}] {Sizes.MiB(done),10} of ~{Sizes.MiB(expected)}";
    }
}
