namespace KCkpt.Cli.Dump;

/// <summary>DragonFly's default image name "%N.ckpt": the process's name, made safe as a file name, plus .ckpt.</summary>
internal static class DefaultImageName
{
    public const string Extension = ".ckpt";

    private const string Fallback = "process";

    public static string For(string comm)
    {
        string name = comm.Replace('/', '_').Replace('\0', '_');
        return (name is "" or "." or ".." ? Fallback : name) + Extension;
    }
}
