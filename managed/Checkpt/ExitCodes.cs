using KCkpt.Errors;
using KCkpt.Image;

namespace KCkpt.Cli;

/// <summary>checkpt's exit codes; the help text lists them from <see cref="Documented"/>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;
    public const int ModuleNotLoaded = 3;
    public const int PermissionDenied = 4;
    public const int RestoreFailed = 5;
    public const int AbiMismatch = 6;
    public const int ImageInvalid = 7;
    public const int CheckpointFailed = 8;

    public static readonly IReadOnlyList<(int Code, string Meaning)> Documented =
    [
        (Ok, "success"),
        (Error, "error"),
        (Usage, "usage error (unknown command or option)"),
        (ModuleNotLoaded, "the kckpt kernel module is not loaded"),
        (PermissionDenied, "permission denied"),
        (RestoreFailed, "restore failed"),
        (AbiMismatch, "the kckpt module speaks another ABI version than checkpt"),
        (ImageInvalid, "the image is invalid or damaged"),
        (CheckpointFailed, "the checkpoint was refused or failed"),
    ];

    public static int For(KckptException exception) => exception switch
    {
        ModuleNotLoadedException => ModuleNotLoaded,
        KckptPermissionException or PtraceDeniedException => PermissionDenied,
        AbiMismatchException => AbiMismatch,
        RestoreFailedException => RestoreFailed,
        ImageFormatException => ImageInvalid,
        CheckpointDeniedException => PermissionDenied,
        CheckpointFailedException => CheckpointFailed,
        _ => Error,
    };
}
