using KCkpt.Requesting;

namespace KCkpt.Cli.Commands;

/// <summary>checkpt status: asks the module for its versions and features and prints them.</summary>
internal sealed class StatusCommand : ICommand
{
    public int Execute(CommandContext context)
    {
        using var device = KckptDevice.Open(context.DevicePath);
        WriteReport(context.Out, device.Path, device.GetVersion(), HostKernel.Release);
        WriteRequestSettings(context.Out, RequestSettings.Read());
        return ExitCodes.Ok;
    }

    public static void WriteReport(TextWriter output, string devicePath, ModuleVersionInfo module, string kernelRelease)
    {
        var features = module.FeatureNames();
        output.WriteLine($"kckpt module: loaded ({devicePath})");
        output.WriteLine($"ABI version:  {module.AbiVersion} (this checkpt speaks {ModuleVersionInfo.SupportedAbiVersion})");
        output.WriteLine($"module:       {module.ModuleVersion}");
        output.WriteLine($"features:     {(features.Count == 0 ? "none" : string.Join(", ", features))}");
        output.WriteLine($"kernel:       {kernelRelease}");
    }

    /// <summary>What checkpt -s does (the module parameters); the ones that could not be read are left out.</summary>
    public static void WriteRequestSettings(TextWriter output, RequestSettings settings)
    {
        if (settings.Sigckpt is { } sigckpt)
        {
            output.WriteLine($"SIGCKPT:      {sigckpt}");
        }

        if (settings.SigckptExit is { } sigckptExit)
        {
            output.WriteLine($"SIGCKPTEXIT:  {sigckptExit}");
        }

        if (settings.CkptFile is { } ckptFile)
        {
            string where = ckptFile.StartsWith('/') ? string.Empty : " (in the process's working directory)";
            output.WriteLine($"ckptfile:     {ckptFile}{where}");
        }
    }
}
