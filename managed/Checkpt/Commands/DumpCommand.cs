using Google.Protobuf;
using KCkpt.Checkpointing;
using KCkpt.Cli.Dump;
using KCkpt.Errors;

namespace KCkpt.Cli.Commands;

/// <summary>
/// checkpt dump: writes the image of a process to a temporary file beside FILE through KCKPT_IOC_CHECKPOINT and
/// renames it into place once complete; on failure nothing is left behind and the process runs on untouched.
/// </summary>
internal sealed class DumpCommand(DumpOptions options) : ICommand
{
    /// <summary>Checkpoints expected to write more than this show a progress bar on a terminal.</summary>
    private const long ProgressThreshold = 256L << 20;

    public int Execute(CommandContext context)
    {
        if (options.Pid <= 0)
        {
            context.Error.WriteLine($"checkpt: PID must be a positive process id, not {options.Pid}");
            return ExitCodes.Usage;
        }

        using var target = TargetProcess.Open(options.Pid);
        string path = options.Output ?? DefaultImageName.For(target.Comm);
        if (!options.Force && Path.Exists(path))
        {
            throw new KckptException($"{path} exists; pass --force to replace it");
        }

        using var device = KckptDevice.Open(context.DevicePath);
        byte[] manifest = ManifestFactory.For(target, options.Labels, DateTimeOffset.UtcNow).ToByteArray();
        CheckpointResult result;
        using (var image = ImageTempFile.CreateFor(path))
        using (new PartialImageRemoval(image.Path))
        {
            result = WriteImage(context, device, target, image, manifest);
            image.Commit(replace: options.Force);
        }

        if (!options.Quiet)
        {
            context.Out.WriteLine($"checkpt: saved {target} to {path}: {Sizes.MiB(result.ImageBytes)} image, {Sizes.MiB(result.MemoryBytes)} memory");
        }

        return ExitCodes.Ok;
    }

    private AfterCheckpoint After => options.Kill ? AfterCheckpoint.Kill : options.Stop ? AfterCheckpoint.Stop : AfterCheckpoint.Continue;

    private CheckpointResult WriteImage(CommandContext context, KckptDevice device, TargetProcess target, ImageTempFile image, byte[] manifest)
    {
        long expected = context.ErrorIsTerminal ? target.ReadExpectedImageBytes() : 0;
        if (expected <= ProgressThreshold)
        {
            return device.Checkpoint(target, image.Handle, After, manifest);
        }

        using var cancel = new CancellationTokenSource();
        var progress = ProgressBar.RunAsync(context.Error, () => image.Length, expected, cancel.Token);
        try
        {
            return device.Checkpoint(target, image.Handle, After, manifest);
        }
        finally
        {
            cancel.Cancel();
            progress.Wait();
        }
    }
}
