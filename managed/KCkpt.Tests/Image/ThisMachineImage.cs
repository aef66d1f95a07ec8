using KCkpt.Restorability;

namespace KCkpt.Tests.Image;

/// <summary>
/// Builders of images as this machine would write them, so they pass every restorability check here: same kernel
/// release, version and vdso (read as RestorabilityCheck reads them, <see cref="HostFacts.Current"/>), CPU
/// features it has, its user and group; the code maps a real file, and no other file is open.
/// </summary>
internal static class ThisMachineImage
{
    public static (TestImageBuilder Builder, string MappedFile) Builder(string directory)
    {
        var host = HostFacts.Current;
        string mapped = Path.Combine(directory, "lib.so");
        File.WriteAllText(mapped, "code");
        var identity = HostFile.Stat(mapped).Identity!.Value;
        var builder = new TestImageBuilder
        {
            KernelRelease = host.KernelRelease,
            KernelVersion = host.KernelVersion,
            VdsoCrc32c = host.VdsoCrc32c!.Value,
            XFeatures = host.SupportedXFeatures & 0x3,
            Uid = host.EffectiveUid,
            Gid = host.EffectiveGid,
        };
        builder.Vmas[0] = builder.Vmas[0] with { Path = mapped, File = identity };
        builder.Vmas[1] = builder.Vmas[1] with { Path = mapped, File = identity };
        builder.Fds.RemoveAt(3);
        return (builder, mapped);
    }
}
