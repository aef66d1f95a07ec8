using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static unsafe partial class Libc
    {
        /// <summary>posix_spawnattr_setflags: the child calls setsid() before it execs (spawn.h, glibc 2.26 and later).</summary>
        internal const short PosixSpawnSetSid = 0x80;

        /// <summary>sizeof(posix_spawnattr_t) is 336 on glibc x86_64; this leaves room.</summary>
        internal const int PosixSpawnAttrSize = 1024;

        /// <summary>posix_spawn(3): returns 0 or an error number (errno is not used).</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int PosixSpawn(out int pid, string path, void* fileActions, void* attributes, nint* argv, nint* envp);

        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_init")]
        internal static partial int PosixSpawnAttrInit(void* attributes);

        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_setflags")]
        internal static partial int PosixSpawnAttrSetFlags(void* attributes, short flags);

        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_destroy")]
        internal static partial int PosixSpawnAttrDestroy(void* attributes);
    }
}
