using Google.Protobuf;
using KCkpt.Checkpointing;
using KCkpt.Manifest;

namespace KCkpt.Cli.Dump;

/// <summary>The manifest checkpt dump stores in the image: who asked, for what process, with which labels.</summary>
internal static class ManifestFactory
{
    public static ImageManifest For(TargetProcess target, IEnumerable<ImageLabel> labels, DateTimeOffset now)
    {
        var manifest = new ImageManifest
        {
            ToolVersion = HelpScreen.Version,
            Host = HostKernel.NodeName,
            CreatedUnixMs = now.ToUnixTimeMilliseconds(),
            TargetPid = target.Pid,
            User = Environment.UserName,
        };
        manifest.CommandLine.Add(target.ReadCommandLine());
        foreach (var label in labels)
        {
            manifest.Labels[label.Key] = label.Value;
        }

        if (manifest.CalculateSize() > KckptDevice.ManifestMaxBytes)
        {
            // A huge argv must not make the checkpoint fail: the image's NT_PRPSINFO still has its start.
            manifest.CommandLine.Clear();
        }

        return manifest;
    }
}
