/// <summary>
/// Every native call KCkpt makes, split by call or area (Interop.Open.cs, Interop.Ioctl.cs, ...) as dotnet/runtime's
/// Common/src/Interop does: <see cref="Libc"/> for the C library, <see cref="Uapi"/> for the kckpt module's interface.
/// Internal: the public API of KCkpt never shows these types.
/// </summary>
internal static partial class Interop
{
    internal static class Libraries
    {
        internal const string Libc = "libc";
    }
}
