using System.Runtime.InteropServices;
using KCkpt.Errors;
using KCkpt.Interop;

namespace KCkpt.TtyHook;

/// <summary>A terminal to switch: standard input, the controlling terminal, or a named one. Closes what it opened.</summary>
public sealed class TerminalDevice : IDisposable
{
    private const string ControllingTerminal = "/dev/tty";
    private bool owned;

    private TerminalDevice(int fd, string name, bool owned)
    {
        Fd = fd;
        Name = name;
        this.owned = owned;
    }

    public int Fd { get; }

    /// <summary>Its path (/dev/pts/N), or how it was reached when that is unknown.</summary>
    public string Name { get; }

    /// <summary>Standard input if it is a terminal, else the controlling terminal.</summary>
    public static TerminalDevice OpenDefault()
    {
        if (Libc.Isatty(0) == 1)
        {
            return new TerminalDevice(0, PathOf(0) ?? "standard input", owned: false);
        }

        int fd = Libc.Open(ControllingTerminal, Libc.ORdOnly | Libc.ONoCtty | Libc.ONonBlock | Libc.OCloExec);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new KckptException(
                $"no terminal: standard input is not one and there is no controlling terminal ({ControllingTerminal}: "
                + $"{Marshal.GetPInvokeErrorMessage(errno)}); run it in the terminal to switch, or name it with --terminal",
                errno);
        }

        return new TerminalDevice(fd, PathOf(fd) ?? ControllingTerminal, owned: true);
    }

    /// <summary>The terminal at <paramref name="path"/>; it must be one.</summary>
    public static TerminalDevice Open(string path)
    {
        int fd = Libc.Open(path, Libc.ORdOnly | Libc.ONoCtty | Libc.ONonBlock | Libc.OCloExec);
        if (fd < 0)
        {
            throw ErrnoMapper.FromErrno(Marshal.GetLastPInvokeError(), $"open {path}");
        }

        var terminal = new TerminalDevice(fd, path, owned: true);
        if (Libc.Isatty(fd) != 1)
        {
            terminal.Dispose();
            throw new KckptException($"{path} is not a terminal", Errno.ENOTTY);
        }

        return terminal;
    }

    public void Dispose()
    {
        if (owned)
        {
            owned = false;
            Libc.Close(Fd);
        }
    }

    private static string? PathOf(int fd)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
