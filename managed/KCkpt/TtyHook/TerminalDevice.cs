using System.Runtime.InteropServices;
using KCkpt.Errors;
using Microsoft.Win32.SafeHandles;

namespace KCkpt.TtyHook;

/// <summary>A terminal to switch: standard input, the controlling terminal, or a named one. Closes what it opened.</summary>
public sealed class TerminalDevice : IDisposable
{
    private const string ControllingTerminal = "/dev/tty";
    private const OpenFlags Flags = OpenFlags.ReadOnly | OpenFlags.NoControllingTerminal | OpenFlags.NonBlocking | OpenFlags.CloseOnExec;

    private TerminalDevice(SafeFileHandle handle, string name)
    {
        Handle = handle;
        Name = name;
    }

    /// <summary>Its path (/dev/pts/N), or how it was reached when that is unknown.</summary>
    public string Name { get; }

    /// <summary>The open terminal; standard input's is not owned, so disposing it leaves fd 0 open.</summary>
    internal SafeFileHandle Handle { get; }

    /// <summary>Standard input if it is a terminal, else the controlling terminal.</summary>
    public static TerminalDevice OpenDefault()
    {
        var standardInput = new SafeFileHandle(0, ownsHandle: false);
        if (Interop.Libc.IsATty(standardInput) == 1)
        {
            return new TerminalDevice(standardInput, PathOf(standardInput) ?? "standard input");
        }

        var handle = Interop.Libc.TryOpen(ControllingTerminal, Flags, out int errno);
        if (handle is null)
        {
            throw new KckptException(
                $"no terminal: standard input is not one and there is no controlling terminal ({ControllingTerminal}: "
                + $"{Marshal.GetPInvokeErrorMessage(errno)}); run it in the terminal to switch, or name it with --terminal",
                errno);
        }

        return new TerminalDevice(handle, PathOf(handle) ?? ControllingTerminal);
    }

    /// <summary>The terminal at <paramref name="path"/>; it must be one.</summary>
    public static TerminalDevice Open(string path)
    {
        var handle = Interop.Libc.TryOpen(path, Flags, out int errno)
            ?? throw ErrnoMapper.FromErrno(errno, $"open {path}");
        var terminal = new TerminalDevice(handle, path);
        if (Interop.Libc.IsATty(handle) != 1)
        {
            terminal.Dispose();
            throw new KckptException($"{path} is not a terminal", Interop.Errno.ENOTTY);
        }

        return terminal;
    }

    public void Dispose() => Handle.Dispose();

    private static string? PathOf(SafeFileHandle handle)
    {
        using var fd = new Interop.BorrowedDescriptor(handle);
        try
        {
            return new FileInfo($"/proc/self/fd/{fd.Fd}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
