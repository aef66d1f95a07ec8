using System.Runtime.InteropServices;
using KCkpt.Errors;

namespace KCkpt.TtyHook;

/// <summary>A terminal's line discipline: N_TTY, or kckpt_tty.ko's, where the checkpoint character checkpoints the foreground job.</summary>
public static class LineDiscipline
{
    /// <summary>N_TTY, the ordinary one.</summary>
    public const int NTty = 0;

    /// <summary>kckpt_tty.ko's: N_DEVELOPMENT.</summary>
    public const int Kckpt = 29;

    /// <summary>TIOCGETD on <paramref name="terminal"/>.</summary>
    public static unsafe int Get(TerminalDevice terminal)
    {
        int ldisc;
        if (Interop.Libc.Ioctl(terminal.Handle, Interop.Libc.TiocGetD, &ldisc) != 0)
        {
            throw ErrnoMapper.FromErrno(Marshal.GetLastPInvokeError(), $"TIOCGETD on {terminal.Name}");
        }

        return ldisc;
    }

    /// <summary>TIOCSETD on <paramref name="terminal"/>. The kernel never loads kckpt_tty.ko for it (no alias): see <see cref="TtyModule"/>.</summary>
    public static unsafe void Set(TerminalDevice terminal, int ldisc)
    {
        if (Interop.Libc.Ioctl(terminal.Handle, Interop.Libc.TiocSetD, &ldisc) == 0)
        {
            return;
        }

        // Unknown ldisc: EINVAL, or EPERM for users who may not ask the kernel to look for it (dev.tty.ldisc_autoload=0).
        int errno = Marshal.GetLastPInvokeError();
        if (ldisc == Kckpt && (errno == Interop.Errno.EINVAL || (errno == Interop.Errno.EPERM && TtyHookSettings.Read() is null)))
        {
            throw new TtyModuleNotLoadedException(errno);
        }

        throw ErrnoMapper.FromErrno(errno, $"TIOCSETD {ldisc} on {terminal.Name}");
    }

    /// <summary>What a line discipline number is called in /proc/tty/ldiscs.</summary>
    public static string NameOf(int ldisc) => ldisc switch
    {
        NTty => "n_tty",
        Kckpt => "kckpt",
        _ => "other",
    };
}
