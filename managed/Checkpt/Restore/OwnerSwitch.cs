using KCkpt.Restorability;

namespace KCkpt.Cli.Restore;

/// <summary>The real <see cref="IOwnerSwitch"/>: this process's own credentials (<see cref="OwnerCredentials"/>).</summary>
internal sealed class OwnerSwitch : IOwnerSwitch
{
    public uint EffectiveUid => OwnerCredentials.EffectiveUid;

    public string? BecomeOwner(uint uid, uint gid) => OwnerCredentials.Become(uid, gid);
}
