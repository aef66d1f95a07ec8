using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using KCkpt.Errors;
using Microsoft.Win32.SafeHandles;

namespace KCkpt;

/// <summary>Running another program: in place of this process (execve), or as a child in a session of its own.</summary>
public static unsafe class ProgramExecution
{
    private const int StandardDescriptors = 3;

    /// <summary>
    /// Replaces this process with <paramref name="path"/> (execve): same pid, process group and terminal. The
    /// runtime's other threads end with the exec; stdin, stdout and stderr (fds 0-2) are kept open across it.
    /// </summary>
    /// <exception cref="KckptException">execve failed; this process runs on.</exception>
    [DoesNotReturn]
    public static void ReplaceCurrentProcess(string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment)
    {
        KeepStandardDescriptorsAcrossExec();
        using var args = new Interop.CStringArray(argv);
        using var env = new Interop.CStringArray(environment);
        Interop.Libc.Execve(path, args.Pointer, env.Pointer);
        throw ErrnoMapper.FromErrno(Marshal.GetLastPInvokeError(), $"cannot execute {path}");
    }

    /// <summary>
    /// Starts <paramref name="path"/> as a child in a new session (posix_spawn with POSIX_SPAWN_SETSID: no fork of
    /// the runtime), inheriting fds 0-2; returns its pid without waiting for it.
    /// </summary>
    /// <exception cref="KckptException">posix_spawn failed (the program is missing, not executable, ...).</exception>
    public static int StartInNewSession(string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment)
    {
        KeepStandardDescriptorsAcrossExec();
        using var args = new Interop.CStringArray(argv);
        using var env = new Interop.CStringArray(environment);
        Interop.Libc.PosixSpawnAttr attributes;
        int error = Interop.Libc.PosixSpawnAttrInit(&attributes);
        if (error != 0)
        {
            throw ErrnoMapper.FromErrno(error, "posix_spawnattr_init");
        }

        try
        {
            error = Interop.Libc.PosixSpawnAttrSetFlags(&attributes, Interop.Libc.PosixSpawnSetSid);
            if (error == 0)
            {
                error = Interop.Libc.PosixSpawn(out int pid, path, null, &attributes, args.Pointer, env.Pointer);
                if (error == 0)
                {
                    return pid;
                }
            }

            throw ErrnoMapper.FromErrno(error, $"cannot start {path}");
        }
        finally
        {
            Interop.Libc.PosixSpawnAttrDestroy(&attributes);
        }
    }

    /// <summary>Clears FD_CLOEXEC on fds 0-2 where it is set; closed ones stay closed.</summary>
    private static void KeepStandardDescriptorsAcrossExec()
    {
        for (int fd = 0; fd < StandardDescriptors; fd++)
        {
            using var handle = new SafeFileHandle(fd, ownsHandle: false);
            int flags = Interop.Libc.Fcntl(handle, Interop.Libc.FGetFd, 0);
            if (flags >= 0 && (flags & Interop.Libc.FdCloExec) != 0)
            {
                Interop.Libc.Fcntl(handle, Interop.Libc.FSetFd, flags & ~Interop.Libc.FdCloExec);
            }
        }
    }
}
