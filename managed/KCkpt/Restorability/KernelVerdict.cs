using System.Runtime.InteropServices;

namespace KCkpt.Restorability;

/// <summary>
/// The kernel's own answer to "may this process restore that image, now": kckpt.ko's RESTORE_BEGIN as a dry run
/// (KCKPT_BEGIN_DRY_RUN), the one set of restore rules (owner and credentials, the image file's owner, format,
/// kernel build, vdso, mapped files). C# keeps no copy of those rules.
/// </summary>
public static class KernelVerdict
{
    /// <returns>
    /// Null when the module would begin restoring <paramref name="path"/> for this process, or when it is too old to be
    /// asked (then the helper's own BEGIN decides); otherwise the module's reason.
    /// </returns>
    /// <exception cref="Errors.ModuleNotLoadedException">There is no module to ask (nor any to restore with).</exception>
    public static string? Refusal(string path, string devicePath = KckptDevice.DefaultPath)
    {
        using var device = KckptDevice.Open(devicePath);
        if (!device.GetVersion().Features.HasFlag(ModuleFeatures.RestoreDryRun))
        {
            return null;
        }

        using var image = Interop.Libc.TryOpen(path, OpenFlags.ReadOnly | OpenFlags.CloseOnExec, out int errno);
        return image is null
            ? $"cannot open it: {Marshal.GetPInvokeErrorMessage(errno)}"
            : device.RestoreRefusal(image);
    }
}
