using Microsoft.Win32.SafeHandles;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>
        /// AT_FDCWD (fcntl.h, -100) as the directory handle of the *at() calls: relative paths are resolved from the
        /// working directory. It owns nothing and closes nothing.
        /// </summary>
        internal static readonly SafeFileHandle AtFdCwd = new(-100, ownsHandle: false);
    }
}
