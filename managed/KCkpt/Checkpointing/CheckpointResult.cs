namespace KCkpt.Checkpointing;

/// <summary>What KCKPT_IOC_CHECKPOINT reports after writing an image.</summary>
public sealed record CheckpointResult(ulong ImageBytes, ulong MemoryBytes);
