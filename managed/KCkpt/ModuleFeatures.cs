namespace KCkpt;

/// <summary>What the loaded kckpt module can do (KCKPT_FEAT_*, <see cref="ModuleVersionInfo.Features"/>).</summary>
[Flags]
public enum ModuleFeatures : ulong
{
    None = 0,

    /// <summary>KCKPT_IOC_CHECKPOINT.</summary>
    Checkpoint = Interop.Uapi.FeatCheckpoint,

    /// <summary>The KCKPT_IOC_RESTORE_* protocol kckpt-restore drives.</summary>
    Restore = Interop.Uapi.FeatRestore,

    /// <summary>KCKPT_IOC_REQUEST.</summary>
    Request = Interop.Uapi.FeatRequest,

    /// <summary>kckpt_tty.ko can attach.</summary>
    TtyHook = Interop.Uapi.FeatTtyHook,

    /// <summary>KCKPT_IOC_RESTORE_BEGIN answers a dry run (KCKPT_BEGIN_DRY_RUN).</summary>
    RestoreDryRun = Interop.Uapi.FeatRestoreDryRun,
}
