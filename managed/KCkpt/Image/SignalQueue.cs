namespace KCkpt.Image;

/// <summary>Whose queue a pending signal is on (KCKPT_SIGQ_*).</summary>
public enum SignalQueue : uint
{
    /// <summary>Pending for one thread.</summary>
    Thread = Interop.Uapi.SigqThread,

    /// <summary>Pending for the whole process.</summary>
    Process = Interop.Uapi.SigqShared,
}
