using System.Text.Json;
using KCkpt.Cli.Info;
using KCkpt.Image;
using KCkpt.Restorability;

namespace KCkpt.Cli.Commands;

/// <summary>checkpt info: what an image holds and whether this machine can restore it, as text or JSON.</summary>
internal sealed class InfoCommand(InfoOptions options) : ICommand
{
    public int Execute(CommandContext context)
    {
        var image = CheckpointImage.Load(options.File);
        var reasons = RestorabilityCheck.Reasons(image, HostFacts.Current, HostFile.Stat);
        var report = InfoReportBuilder.Build(options.File, image, reasons);
        if (options.Json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(report, InfoJsonContext.Plain.InfoReport));
        }
        else
        {
            InfoText.Write(context.Out, report);
        }

        return ExitCodes.Ok;
    }
}
