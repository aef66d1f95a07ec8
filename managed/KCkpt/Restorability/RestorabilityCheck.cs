using KCkpt.Image;

namespace KCkpt.Restorability;

/// <summary>
/// Whether this machine can restore an image, and every reason it cannot: its kernel build and CPU, and the files
/// the image needs, each named. Who may restore it (owner, credentials, the image file's owner) is the kernel's
/// call alone: <see cref="KernelVerdict"/> asks it.
/// </summary>
public static class RestorabilityCheck
{
    /// <summary>The reasons <paramref name="image"/> cannot be restored on <paramref name="host"/>; empty when it can.</summary>
    public static IReadOnlyList<string> Reasons(CheckpointImage image, HostFacts host, Func<string, HostFile> stat)
    {
        var reasons = new List<string>();
        var header = image.Header;
        bool sameRelease = header.KernelRelease == host.KernelRelease;
        if (!sameRelease)
        {
            reasons.Add($"kernel release differs: the image is from {header.KernelRelease}, this machine runs {host.KernelRelease}");
        }

        if (header.KernelVersion != host.KernelVersion)
        {
            reasons.Add($"kernel version differs: the image is from '{header.KernelVersion}', this machine runs '{host.KernelVersion}'");
        }

        if (sameRelease && header.VdsoSize != 0 && header.VdsoCrc32c != host.VdsoCrc32c)
        {
            reasons.Add(host.VdsoCrc32c is { } crc
                ? $"the vdso differs (crc32c 0x{header.VdsoCrc32c:x8} in the image, 0x{crc:x8} here): another build of the kernel"
                : "this process has no vdso, but the image's process had one");
        }

        ulong missing = header.XFeatures & ~host.SupportedXFeatures;
        if (missing != 0)
        {
            reasons.Add($"this CPU lacks state components the image uses: {string.Join(", ", XFeatureNames.Of(missing))} (image XCR0 0x{header.XFeatures:x}, CPU supports 0x{host.SupportedXFeatures:x})");
        }

        reasons.AddRange(FileReasons(image, stat));
        return reasons;
    }

    /// <summary>
    /// Mapped files must be exactly as they were (their pages come back from them); files and directories open at
    /// a descriptor must be there and be the same file (kckpt-restore reopens them and checks device and inode),
    /// though their contents may have changed.
    /// </summary>
    private static IEnumerable<string> FileReasons(CheckpointImage image, Func<string, HostFile> stat)
    {
        var mapped = image.Vmas.Where(v => v.MapsFile).Select(v => (Path: v.Path!, What: "mapped file", v.File, Contents: true));
        var open = image.Fds.Where(f => f.IsReopenedByPath).Select(f => (Path: f.Path!, What: $"{f.KindName} (fd {f.Fd})", f.File, Contents: false));
        var seen = new HashSet<string>();
        foreach (var (path, what, saved, contents) in mapped.Concat(open))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            var now = stat(path);
            if (now.Identity is not { } current)
            {
                yield return $"{what} {path} {now.Problem}";
            }
            else if (Differences(saved, current, contents) is { Count: > 0 } changes)
            {
                yield return $"{what} {path} has changed since the checkpoint ({string.Join(", ", changes)})";
            }
        }
    }

    private static List<string> Differences(FileIdentity saved, FileIdentity current, bool contents)
    {
        var changes = new List<string>();
        if (saved.Device != current.Device)
        {
            changes.Add($"device {saved.DeviceMajor}:{saved.DeviceMinor} -> {current.DeviceMajor}:{current.DeviceMinor}");
        }

        if (saved.Inode != current.Inode)
        {
            changes.Add($"inode {saved.Inode} -> {current.Inode}");
        }

        if (!contents)
        {
            return changes;
        }

        if (saved.Size != current.Size)
        {
            changes.Add($"size {saved.Size} -> {current.Size}");
        }

        if (saved.MtimeSec != current.MtimeSec || saved.MtimeNsec != current.MtimeNsec)
        {
            changes.Add("modification time");
        }

        return changes;
    }
}
