using System.Runtime.InteropServices;
using KCkpt.Checkpointing;
using KCkpt.Errors;
using KCkpt.Interop;
using KCkpt.Requesting;
using Microsoft.Win32.SafeHandles;

namespace KCkpt;

/// <summary>An open handle on the kckpt misc device (/dev/kckpt).</summary>
public sealed class KckptDevice : IDisposable
{
    private readonly SafeFileDescriptor fd;

    private KckptDevice(SafeFileDescriptor fd, string path)
    {
        this.fd = fd;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens the device read-write, close-on-exec.</summary>
    /// <exception cref="ModuleNotLoadedException">The device node is missing or has no driver.</exception>
    /// <exception cref="KckptPermissionException">The caller may not open it.</exception>
    public static KckptDevice Open(string path = Uapi.DevicePath)
    {
        int fd = Libc.Open(path, Libc.ORdWr | Libc.OCloExec);
        if (fd < 0)
        {
            throw ErrnoMapper.FromDeviceErrno(Marshal.GetLastPInvokeError(), "open", path);
        }

        return new KckptDevice(new SafeFileDescriptor(fd), path);
    }

    /// <summary>Asks the module for its versions and features (KCKPT_IOC_VERSION).</summary>
    /// <exception cref="AbiMismatchException">The module speaks another ABI version.</exception>
    public unsafe ModuleVersionInfo GetVersion()
    {
        var answer = new KckptVersion { Size = (uint)Marshal.SizeOf<KckptVersion>() };
        if (Libc.Ioctl(fd, Uapi.IocVersion, &answer) < 0)
        {
            throw ErrnoMapper.FromDeviceErrno(Marshal.GetLastPInvokeError(), "KCKPT_IOC_VERSION on", Path);
        }

        var info = ModuleVersionInfo.FromNative(answer);
        info.EnsureAbiCompatible();
        return info;
    }

    /// <summary>
    /// Checkpoints <paramref name="target"/> into <paramref name="image"/> (KCKPT_IOC_CHECKPOINT); blocks until the image
    /// is written. <paramref name="flags"/> are KCKPT_CKPT_* (what happens to the target afterwards).
    /// </summary>
    /// <exception cref="CheckpointFailedException">The module refused or failed; the target runs on untouched.</exception>
    public unsafe CheckpointResult Checkpoint(TargetProcess target, SafeFileHandle image, uint flags, ReadOnlySpan<byte> manifest)
    {
        bool imageRef = false;
        bool proofRef = false;
        try
        {
            image.DangerousAddRef(ref imageRef);
            target.MemoryProof.DangerousAddRef(ref proofRef);
            fixed (byte* manifestBytes = manifest)
            {
                var request = new KckptCheckpoint
                {
                    Size = (uint)sizeof(KckptCheckpoint),
                    Flags = flags,
                    Pid = target.Pid,
                    ImageFd = (int)image.DangerousGetHandle(),
                    ProofFd = (int)target.MemoryProof.DangerousGetHandle(),
                    Manifest = (ulong)manifestBytes,
                    ManifestLen = (uint)manifest.Length,
                };
                if (Libc.Ioctl(fd, Uapi.IocCheckpoint, &request) < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    string reason = CString.Decode(new ReadOnlySpan<byte>(request.Reason, Uapi.ReasonLen));
                    throw new CheckpointFailedException(target.ToString(), reason.Length > 0 ? reason : ErrnoReason(errno, "KCKPT_IOC_CHECKPOINT"), errno);
                }

                return new CheckpointResult(request.ImageBytes, request.MemoryBytes);
            }
        }
        finally
        {
            if (imageRef)
            {
                image.DangerousRelease();
            }

            if (proofRef)
            {
                target.MemoryProof.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Asks <paramref name="target"/> for a checkpoint, DragonFly's "send SIGCKPT" (KCKPT_IOC_REQUEST; SIGCKPTEXIT with
    /// <paramref name="exit"/>): the target decides by its disposition of the signal. A handler gets the signal; SIG_DFL
    /// has the module write the image to the target's default file (and, with <paramref name="exit"/>, kill it); SIG_IGN
    /// does nothing. Blocks until the target has acted.
    /// </summary>
    /// <exception cref="CheckpointFailedException">The module refused or failed; no image was left behind.</exception>
    public unsafe RequestResult Request(TargetProcess target, bool exit)
    {
        bool proofRef = false;
        try
        {
            target.MemoryProof.DangerousAddRef(ref proofRef);
            var request = new KckptRequest
            {
                Size = (uint)sizeof(KckptRequest),
                Flags = exit ? Uapi.ReqExit : 0,
                Pid = target.Pid,
                ProofFd = (int)target.MemoryProof.DangerousGetHandle(),
            };
            if (Libc.Ioctl(fd, Uapi.IocRequest, &request) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                string reason = CString.Decode(new ReadOnlySpan<byte>(request.Reason, Uapi.ReasonLen));
                throw new CheckpointFailedException(target.ToString(), reason.Length > 0 ? reason : ErrnoReason(errno, "KCKPT_IOC_REQUEST"), errno);
            }

            return request.Action switch
            {
                Uapi.ActSignalled => RequestResult.Signalled,
                Uapi.ActIgnored => RequestResult.Ignored,
                Uapi.ActCheckpointed => RequestResult.Checkpointed(
                    CString.Decode(new ReadOnlySpan<byte>(request.Path, Uapi.PathLen)), request.ImageBytes),
                _ => throw new KckptException($"KCKPT_IOC_REQUEST on {Path} answered with unknown action {request.Action} for {target}"),
            };
        }
        finally
        {
            if (proofRef)
            {
                target.MemoryProof.DangerousRelease();
            }
        }
    }

    public void Dispose() => fd.Dispose();

    /// <summary>
    /// Asks the module whether it would begin restoring <paramref name="image"/> for this process, as it is now
    /// (KCKPT_IOC_RESTORE_BEGIN with KCKPT_BEGIN_DRY_RUN): every check of the real BEGIN, no session kept.
    /// </summary>
    /// <returns>Null when it would; otherwise its reason.</returns>
    public unsafe string? RestoreRefusal(SafeFileHandle image)
    {
        bool imageRef = false;
        try
        {
            image.DangerousAddRef(ref imageRef);
            var begin = new KckptRestoreBegin
            {
                Size = (uint)sizeof(KckptRestoreBegin),
                Flags = Uapi.BeginDryRun,
                ImageFd = (int)image.DangerousGetHandle(),
            };
            if (Libc.Ioctl(fd, Uapi.IocRestoreBegin, &begin) == 0)
            {
                return null;
            }

            int errno = Marshal.GetLastPInvokeError();
            string reason = CString.Decode(new ReadOnlySpan<byte>(begin.Reason, Uapi.ReasonLen));
            return reason.Length > 0 ? reason : ErrnoReason(errno, "KCKPT_IOC_RESTORE_BEGIN");
        }
        finally
        {
            if (imageRef)
            {
                image.DangerousRelease();
            }
        }
    }

    private string ErrnoReason(int errno, string ioctl)
    {
        string text = $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
        return errno == Errno.ENOTTY
            ? $"{text}: {Path} does not know {ioctl}; load the kckpt module of this KCkpt release"
            : text;
    }
}
