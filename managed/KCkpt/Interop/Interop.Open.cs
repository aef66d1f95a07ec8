using System.Runtime.InteropServices;
using KCkpt;
using Microsoft.Win32.SafeHandles;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>open(2); <paramref name="mode"/> counts only with O_CREAT. The handle is invalid when it failed.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial SafeFileHandle Open(string path, OpenFlags flags, uint mode);

        /// <summary>open(2): the handle, or null and the errno of the failure.</summary>
        internal static SafeFileHandle? TryOpen(string path, OpenFlags flags, out int errno, uint mode = 0)
        {
            var handle = Open(path, flags, mode);
            if (!handle.IsInvalid)
            {
                errno = 0;
                return handle;
            }

            errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            return null;
        }
    }
}
