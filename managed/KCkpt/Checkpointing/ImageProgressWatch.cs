namespace KCkpt.Checkpointing;

/// <summary>
/// While a checkpoint of another process runs, the module updates the request's image_bytes about ten times a second;
/// this reads it on a timer and reports it, until disposed.
/// </summary>
internal sealed unsafe class ImageProgressWatch : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly ulong* bytes;
    private readonly IProgress<long> progress;
    private readonly Timer timer;

    /// <param name="bytes">The request's image_bytes, in memory that outlives this watch.</param>
    internal ImageProgressWatch(ulong* bytes, IProgress<long> progress)
    {
        this.bytes = bytes;
        this.progress = progress;
        timer = new Timer(_ => Report(), null, Interval, Interval);
    }

    public void Dispose()
    {
        using var stopped = new ManualResetEvent(false);
        if (timer.Dispose(stopped))
        {
            stopped.WaitOne();
        }
    }

    private void Report() => progress.Report((long)Volatile.Read(ref *bytes));
}
