namespace KCkpt.Image;

/// <summary>One resource limit; <see cref="ulong.MaxValue"/> is RLIM_INFINITY.</summary>
public readonly record struct ResourceLimit(ulong Current, ulong Maximum);

/// <summary>The KCKPT_NT_PROC note (struct kckpt_proc): process-wide state.</summary>
public sealed record ProcessSnapshot(
    uint Umask,
    uint Personality,
    string Comm,
    uint Dumpable,
    ulong ItimerRealValueNs,
    ulong ItimerRealIntervalNs,
    ulong StartCode,
    ulong EndCode,
    ulong StartData,
    ulong EndData,
    ulong StartBrk,
    ulong Brk,
    ulong StartStack,
    ulong ArgStart,
    ulong ArgEnd,
    ulong EnvStart,
    ulong EnvEnd,
    ulong AuxvLength,
    IReadOnlyList<ResourceLimit> Limits)
{
    /// <summary>The kernel's SUID_DUMP_USER: an ordinary process, not setuid or made non-dumpable.</summary>
    private const uint SuidDumpUser = 1;

    /// <summary>Whether the process was dumpable (only root restores a process that was not).</summary>
    public bool IsDumpable => Dumpable == SuidDumpUser;

    internal static unsafe ProcessSnapshot FromNative(Interop.Uapi.KckptProc p)
    {
        var limits = new ResourceLimit[Interop.Uapi.NRlimits];
        for (int i = 0; i < limits.Length; i++)
        {
            limits[i] = new ResourceLimit(p.Rlim[i].Cur, p.Rlim[i].Max);
        }

        return new ProcessSnapshot(
            p.Umask,
            p.Personality,
            Interop.CString.Decode(new ReadOnlySpan<byte>(p.Comm, Interop.Uapi.CommLen)),
            p.Dumpable,
            p.ItimerRealValueNs,
            p.ItimerRealIntervalNs,
            p.StartCode,
            p.EndCode,
            p.StartData,
            p.EndData,
            p.StartBrk,
            p.Brk,
            p.StartStack,
            p.ArgStart,
            p.ArgEnd,
            p.EnvStart,
            p.EnvEnd,
            p.AuxvLen,
            limits);
    }
}
