namespace KCkpt.Cli.Restore;

/// <summary>Asks the kernel whether it would restore an image for this process as it is now.</summary>
internal interface IKernelRestoreCheck
{
    /// <returns>Null when it would; otherwise its reason.</returns>
    /// <exception cref="Errors.KckptException">The kernel could not be asked (no module).</exception>
    string? Refusal(string image);
}
