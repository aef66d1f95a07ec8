using KCkpt.TtyHook;

namespace KCkpt.Cli.Commands;

/// <summary>checkpt tty on|off|status: TIOCSETD 29 or 0 on the terminal, or TIOCGETD and kckpt_tty's checkpoint character.</summary>
internal sealed class TtyCommand(TtyOptions options) : ICommand
{
    public int Execute(CommandContext context)
    {
        string action = options.Action.ToLowerInvariant();
        if (action is not ("on" or "off" or "status"))
        {
            context.Error.WriteLine($"checkpt: tty wants on, off or status, not '{options.Action}'");
            return ExitCodes.Usage;
        }

        using var terminal = options.Terminal is { } path ? TerminalDevice.Open(path) : TerminalDevice.OpenDefault();
        var settings = TtyHookSettings.Read();
        try
        {
            switch (action)
            {
                case "on":
                    if (!SwitchOn(context, terminal, ref settings))
                    {
                        return ExitCodes.ModuleNotLoaded;
                    }

                    string key = settings is null ? "the checkpoint character" : TtyHookSettings.CharacterName(settings.CkptChar);
                    context.Out.WriteLine($"checkpt: {key} on {terminal.Name} now checkpoints the foreground job");
                    break;
                case "off":
                    LineDiscipline.Set(terminal, LineDiscipline.NTty);
                    context.Out.WriteLine($"checkpt: {terminal.Name} is back on n_tty");
                    break;
                default:
                    WriteStatus(context.Out, terminal.Name, LineDiscipline.Get(terminal), settings);
                    break;
            }
        }
        catch (TtyModuleNotLoadedException e)
        {
            context.Error.WriteLine($"checkpt: {e.Message}");
            return ExitCodes.ModuleNotLoaded;
        }

        return ExitCodes.Ok;
    }

    /// <summary>TIOCSETD 29; when kckpt_tty.ko is not loaded, root loads it (modprobe) and tries once more.</summary>
    private static bool SwitchOn(CommandContext context, TerminalDevice terminal, ref TtyHookSettings? settings)
    {
        try
        {
            LineDiscipline.Set(terminal, LineDiscipline.Kckpt);
            return true;
        }
        catch (TtyModuleNotLoadedException)
        {
            if (TtyModule.TryLoad() is { } why)
            {
                context.Error.WriteLine($"checkpt: kckpt_tty.ko is not loaded: {why}");
                return false;
            }
        }

        LineDiscipline.Set(terminal, LineDiscipline.Kckpt);
        settings = TtyHookSettings.Read();
        return true;
    }

    public static void WriteStatus(TextWriter output, string terminal, int ldisc, TtyHookSettings? settings)
    {
        output.WriteLine($"terminal:        {terminal}");
        output.WriteLine($"line discipline: {ldisc} ({LineDiscipline.NameOf(ldisc)}){(ldisc == LineDiscipline.Kckpt ? string.Empty : ": 'checkpt tty on' switches")}");
        output.WriteLine(settings is null
            ? "ckpt_char:       kckpt_tty.ko is not loaded (modprobe kckpt_tty)"
            : $"ckpt_char:       {TtyHookSettings.CharacterName(settings.CkptChar)}{(ldisc == LineDiscipline.Kckpt ? " checkpoints the foreground job" : string.Empty)}");
    }
}
