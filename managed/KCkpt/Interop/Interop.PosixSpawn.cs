using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static unsafe partial class Libc
    {
        /// <summary>posix_spawnattr_setflags: the child calls setsid() before it execs (spawn.h, glibc 2.26 and later).</summary>
        internal const short PosixSpawnSetSid = 0x80;

        /// <summary>posix_spawn(3): returns 0 or an error number (errno is not used).</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int PosixSpawn(out int pid, string path, void* fileActions, PosixSpawnAttr* attributes, nint* argv, nint* envp);

        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_init")]
        internal static partial int PosixSpawnAttrInit(PosixSpawnAttr* attributes);

        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_setflags")]
        internal static partial int PosixSpawnAttrSetFlags(PosixSpawnAttr* attributes, short flags);

        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_destroy")]
        internal static partial int PosixSpawnAttrDestroy(PosixSpawnAttr* attributes);

        /// <summary>
        /// posix_spawnattr_t as glibc's spawn.h declares it, so that it can live on the stack at its exact size
        /// (callers treat it as opaque: only the posix_spawnattr_* calls touch it). Its layout is part of glibc's
        /// ABI; LibcLayoutTests checks the size and every field against spawn.h compiled with cc.
        /// </summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct PosixSpawnAttr
        {
            private const int SigSetBytes = 1024 / 8;
            private const int PadInts = 16;

            internal short Flags;
            internal int ProcessGroup;
            internal SigSet DefaultSignals;
            internal SigSet SignalMask;
            internal int SchedPriority;
            internal int SchedPolicy;
            internal Pad Padding;

            /// <summary>glibc's sigset_t: 1024 bits.</summary>
            [InlineArray(SigSetBytes)]
            internal struct SigSet
            {
                private byte first;
            }

            [InlineArray(PadInts)]
            internal struct Pad
            {
                private int first;
            }
        }
    }
}
