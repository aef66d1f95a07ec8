using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using KCkpt.Errors;

namespace KCkpt.Interop;

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
        using var args = new CStringArray(argv);
        using var env = new CStringArray(environment);
        Libc.Execve(path, args.Pointer, env.Pointer);
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
        using var args = new CStringArray(argv);
        using var env = new CStringArray(environment);
        byte* attributes = stackalloc byte[Libc.PosixSpawnAttrSize];
        int error = Libc.PosixSpawnAttrInit(attributes);
        if (error != 0)
        {
            throw ErrnoMapper.FromErrno(error, "posix_spawnattr_init");
        }

        try
        {
            error = Libc.PosixSpawnAttrSetFlags(attributes, Libc.PosixSpawnSetSid);
            if (error == 0)
            {
                error = Libc.PosixSpawn(out int pid, path, null, attributes, args.Pointer, env.Pointer);
                if (error == 0)
                {
                    return pid;
                }
            }

            throw ErrnoMapper.FromErrno(error, $"cannot start {path}");
        }
        finally
        {
            Libc.PosixSpawnAttrDestroy(attributes);
        }
    }

    /// <summary>Clears FD_CLOEXEC on fds 0-2 where it is set; closed ones stay closed.</summary>
    private static void KeepStandardDescriptorsAcrossExec()
    {
        for (int fd = 0; fd < StandardDescriptors; fd++)
        {
            int flags = Libc.Fcntl(fd, Libc.FGetFd, 0);
            if (flags >= 0 && (flags & Libc.FdCloExec) != 0)
            {
                Libc.Fcntl(fd, Libc.FSetFd, flags & ~Libc.FdCloExec);
            }
        }
    }
}
