internal static partial class Interop
{
    /// <summary>The errno values KCkpt tells apart (asm-generic/errno-base.h; the same on every architecture it supports).</summary>
    internal static class Errno
    {
        internal const int EPERM = 1;
        internal const int ENOENT = 2;
        internal const int ESRCH = 3;
        internal const int ENXIO = 6;
        internal const int EACCES = 13;
        internal const int EEXIST = 17;
        internal const int ENODEV = 19;
        internal const int ENOTDIR = 20;
        internal const int EINVAL = 22;
        internal const int ENOTTY = 25;
    }
}
