using System.ComponentModel;
using System.Diagnostics;

namespace KCkpt.TtyHook;

/// <summary>
/// Loading kckpt_tty.ko: only root may, and only when asked (the module has no line discipline alias, so a user's
/// TIOCSETD 29 cannot make the kernel load it, and kckpt.ko with it).
/// </summary>
public static class TtyModule
{
    /// <summary>Runs <c>modprobe kckpt_tty</c> when the caller is root.</summary>
    /// <returns>null once it is loaded; otherwise why it is not, and how to load it.</returns>
    public static string? TryLoad()
    {
        if (Interop.Libc.GetEuid() != 0)
        {
            return "root can load it with 'modprobe kckpt_tty'";
        }

        var start = new ProcessStartInfo("modprobe", "kckpt_tty")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        try
        {
            using var modprobe = Process.Start(start)!;
            string error = modprobe.StandardError.ReadToEnd();
            modprobe.StandardOutput.ReadToEnd();
            modprobe.WaitForExit();
            if (modprobe.ExitCode == 0)
            {
                return null;
            }

            string first = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit {modprobe.ExitCode}";
            return $"'modprobe kckpt_tty' failed: {first}";
        }
        catch (Win32Exception e)
        {
            return $"cannot run modprobe ({e.Message}): is kmod installed?";
        }
    }
}
