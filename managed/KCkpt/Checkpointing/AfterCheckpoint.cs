namespace KCkpt.Checkpointing;

/// <summary>What happens to a process once its image is written (the KCKPT_CKPT_* flags of KCKPT_IOC_CHECKPOINT).</summary>
public enum AfterCheckpoint : uint
{
    /// <summary>It runs on, as if nothing happened.</summary>
    Continue = 0,

    /// <summary>It is stopped, as SIGSTOP does.</summary>
    Stop = Interop.Uapi.CkptStop,

    /// <summary>It is killed (SIGKILL).</summary>
    Kill = Interop.Uapi.CkptKill,
}
