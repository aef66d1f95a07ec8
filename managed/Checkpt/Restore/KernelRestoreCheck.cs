using KCkpt.Errors;
using KCkpt.Restorability;

namespace KCkpt.Cli.Restore;

/// <summary>
/// The real <see cref="IKernelRestoreCheck"/>: a dry-run RESTORE_BEGIN on /dev/kckpt (<see cref="KernelVerdict"/>).
/// Without the module there is nobody to ask and nothing to restore with: kckpt-restore says so in its own words.
/// </summary>
internal sealed class KernelRestoreCheck : IKernelRestoreCheck
{
    public string? Refusal(string image)
    {
        try
        {
            return KernelVerdict.Refusal(image);
        }
        catch (ModuleNotLoadedException)
        {
            return null;
        }
    }
}
