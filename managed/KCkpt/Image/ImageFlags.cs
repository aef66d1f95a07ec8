namespace KCkpt.Image;

/// <summary>How an image was taken (KCKPT_IMG_*).</summary>
[Flags]
public enum ImageFlags : uint
{
    None = 0,

    /// <summary>The process checkpointed itself.</summary>
    SelfCheckpoint = Interop.Uapi.ImgSelf,
}
