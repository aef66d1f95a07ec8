using KCkpt.Errors;

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

    public static readonly IReadOnlyList<(int Code, string Meaning)> Documented =
    [
        (Ok, "success"),
        (Error, "error"),
        (Usage, "usage error (unknown command or option)"),
        (ModuleNotLoaded, "the kckpt kernel module is not loaded"),
        (PermissionDenied, "permission denied"),
        (RestoreFailed, "restore failed"),
        (AbiMismatch, "the kckpt module speaks another ABI version than checkpt"),
    ];

    public static int For(KckptException exception) => exception switch
    {
        ModuleNotLoadedException => ModuleNotLoaded,
        KckptPermissionException => PermissionDenied,
        AbiMismatchException => AbiMismatch,
        _ => Error,
    };
}
