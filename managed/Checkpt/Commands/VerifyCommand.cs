using KCkpt.Image;

namespace KCkpt.Cli.Commands;

/// <summary>checkpt verify: the whole image must be sound, else the first problem and exit code 7.</summary>
internal sealed class VerifyCommand(VerifyOptions options) : ICommand
{
    public int Execute(CommandContext context)
    {
        var result = ImageVerifier.Verify(options.File);
        context.Out.WriteLine($"{options.File}: OK ({result.SegmentCount} segments, {Sizes.MiB(result.BytesVerified)} verified)");
        return ExitCodes.Ok;
    }
}
