namespace KCkpt.Errors;

/// <summary>/dev/kckpt is absent or has no driver: the kckpt kernel module is not loaded.</summary>
public sealed class ModuleNotLoadedException(string devicePath, string symptom, int errno)
    : KckptException(
        $"the kckpt kernel module is not loaded ({devicePath} {symptom}). "
        + "Load it with 'sudo modprobe kckpt' (or 'sudo insmod build/$(uname -r)/kckpt.ko' from a source tree).",
        errno);
