using KCkpt.Errors;

namespace KCkpt.TtyHook;

/// <summary>The kernel does not know line discipline 29: kckpt_tty.ko is not loaded.</summary>
public sealed class TtyModuleNotLoadedException(int errno)
    : KckptException("kckpt_tty.ko is not loaded (modprobe kckpt_tty)", errno);
