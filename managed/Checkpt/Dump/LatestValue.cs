namespace KCkpt.Cli.Dump;

/// <summary>The last value reported.</summary>
internal sealed class LatestValue : IProgress<long>
{
    private long value;

    public long Value => Interlocked.Read(ref value);

    public void Report(long newValue) => Interlocked.Exchange(ref value, newValue);
}
