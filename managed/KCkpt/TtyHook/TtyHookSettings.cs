using System.Globalization;

namespace KCkpt.TtyHook;

/// <summary>kckpt_tty.ko's parameters (/sys/module/kckpt_tty/parameters/); null when the module is not loaded.</summary>
public sealed record TtyHookSettings(int CkptChar)
{
    public const string ParametersDirectory = "/sys/module/kckpt_tty/parameters";

    public static TtyHookSettings? Read(string directory = ParametersDirectory)
    {
        try
        {
            string text = File.ReadAllText(Path.Combine(directory, "ckpt_char")).Trim();
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value is >= 0 and <= 255
                ? new TtyHookSettings(value)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>How a terminal user types <paramref name="value"/>: ^E (5), ^? (127), 'x' (120); 0 disables it.</summary>
    public static string CharacterName(int value) => value switch
    {
        0 => "none (0: disabled)",
        < 32 => $"^{(char)(value + 64)} ({value})",
        127 => "^? (127)",
        < 127 => $"'{(char)value}' ({value})",
        _ => $"byte {value}",
    };
}
