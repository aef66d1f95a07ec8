namespace KCkpt.Cli.Info;

/// <summary>Linux x86_64 signal names by number; real-time signals as bash's kill -l names them (SIGRTMIN+n, SIGRTMAX-n).</summary>
internal static class SignalNames
{
    private const int RtMin = 34;
    private const int RtMax = 64;

    private static readonly string[] Classic =
    [
        "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV",
        "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN",
        "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    public static string Of(int signal) => signal switch
    {
        >= 1 and <= 31 => Classic[signal - 1],
        RtMin => "SIGRTMIN",
        > RtMin and <= (RtMin + RtMax) / 2 => $"SIGRTMIN+{signal - RtMin}",
        > (RtMin + RtMax) / 2 and < RtMax => $"SIGRTMAX-{RtMax - signal}",
        RtMax => "SIGRTMAX",
        _ => $"SIG{signal}",
    };

    /// <summary>The names of the signals in a mask where bit n - 1 stands for signal n.</summary>
    public static IReadOnlyList<string> InMask(ulong mask) =>
        Enumerable.Range(1, 64).Where(signal => (mask & 1UL << (signal - 1)) != 0).Select(Of).ToList();
}
