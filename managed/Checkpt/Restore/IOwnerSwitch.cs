namespace KCkpt.Cli.Restore;

/// <summary>The credentials of this process, and becoming an image's owner (checkpt -r --as-owner).</summary>
internal interface IOwnerSwitch
{
    /// <summary>The effective uid of this process now.</summary>
    uint EffectiveUid { get; }

    /// <summary>
    /// Makes every uid of this process <paramref name="uid"/> and every gid <paramref name="gid"/>, with no
    /// supplementary groups; nothing when they already are.
    /// </summary>
    /// <returns>Null when done; otherwise why not.</returns>
    string? BecomeOwner(uint uid, uint gid);
}
