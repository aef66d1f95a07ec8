using Google.Protobuf;
using KCkpt.Checkpointing;
using KCkpt.Cli.Dump;
using KCkpt.Errors;

namespace KCkpt.Cli.Commands;

/// <summary>
/// checkpt dump: has the module write the image of a process to FILE (KCKPT_IOC_CHECKPOINT with KCKPT_CKPT_CREATE: a
/// temporary beside it, synced and renamed into place before the process is stopped or killed); on failure nothing is
/// left behind and the process runs on untouched.
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
        var result = WriteImage(context, device, target, path, manifest);

        if (!options.Quiet)
        {
            context.Out.WriteLine($"checkpt: saved {target} to {path}: {Sizes.MiB(result.ImageBytes)} image, {Sizes.MiB(result.MemoryBytes)} memory");
        }

        return ExitCodes.Ok;
    }

    private AfterCheckpoint After => options.Kill ? AfterCheckpoint.Kill : options.Stop ? AfterCheckpoint.Stop : AfterCheckpoint.Continue;

    private CheckpointResult WriteImage(CommandContext context, KckptDevice device, TargetProcess target, string path, byte[] manifest)
    {
        long expected = context.ErrorIsTerminal ? target.ReadExpectedImageBytes() : 0;
        if (expected <= ProgressThreshold)
        {
            return device.Checkpoint(target, path, options.Force, After, manifest);
        }

        using var cancel = new CancellationTokenSource();
        var written = new LatestValue();
        var progress = ProgressBar.RunAsync(context.Error, () => written.Value, expected, cancel.Token);
        try
        {
            return device.Checkpoint(target, path, options.Force, After, manifest, written);
        }
        finally
        {
            cancel.Cancel();
            progress.Wait();
        }
    }
}
