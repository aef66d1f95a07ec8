using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static unsafe partial class Libc
    {
        /// <summary>execve(2): <paramref name="argv"/> and <paramref name="envp"/> are NULL-terminated arrays of C strings (<see cref="CStringArray"/>).</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Execve(string path, nint* argv, nint* envp);
    }
}
