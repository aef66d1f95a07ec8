using System.Runtime.InteropServices;
using KCkpt.Checkpointing;
using KCkpt.Errors;
using KCkpt.Requesting;
using Microsoft.Win32.SafeHandles;

namespace KCkpt;

/// <summary>An open handle on the kckpt misc device (/dev/kckpt).</summary>
public sealed class KckptDevice : IDisposable
{
    /// <summary>Where the module's device node is (KCKPT_DEVICE_PATH).</summary>
    public const string DefaultPath = Interop.Uapi.DevicePath;

    /// <summary>The most manifest bytes a checkpoint may carry (KCKPT_MANIFEST_MAX).</summary>
    public const int ManifestMaxBytes = (int)Interop.Uapi.ManifestMax;

    private readonly SafeFileHandle handle;

    private KckptDevice(SafeFileHandle handle, string path)
    {
        this.handle = handle;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens the device read-write, close-on-exec.</summary>
    /// <exception cref="ModuleNotLoadedException">The device node is missing or has no driver.</exception>
    /// <exception cref="KckptPermissionException">The caller may not open it.</exception>
    public static KckptDevice Open(string path = DefaultPath)
    {
        var handle = Interop.Libc.TryOpen(path, OpenFlags.ReadWrite | OpenFlags.CloseOnExec, out int errno)
            ?? throw ErrnoMapper.FromDeviceErrno(errno, "open", path);
        return new KckptDevice(handle, path);
    }

    /// <summary>Asks the module for its versions and features (KCKPT_IOC_VERSION).</summary>
    /// <exception cref="AbiMismatchException">The module speaks another ABI version.</exception>
    public unsafe ModuleVersionInfo GetVersion()
    {
        var answer = new Interop.Uapi.KckptVersion { Size = (uint)sizeof(Interop.Uapi.KckptVersion) };
        if (Interop.Libc.Ioctl(handle, Interop.Uapi.IocVersion, &answer) < 0)
        {
            throw ErrnoMapper.FromDeviceErrno(Marshal.GetLastPInvokeError(), "KCKPT_IOC_VERSION on", Path);
        }

        var info = ModuleVersionInfo.FromNative(answer);
        info.EnsureAbiCompatible();
        return info;
    }

    /// <summary>
    /// Checkpoints <paramref name="target"/> into <paramref name="image"/> (KCKPT_IOC_CHECKPOINT); blocks until the image
    /// is written. <paramref name="after"/> is what happens to the target then.
    /// </summary>
    /// <exception cref="CheckpointFailedException">The module refused or failed; the target runs on untouched.</exception>
    public unsafe CheckpointResult Checkpoint(TargetProcess target, SafeFileHandle image, AfterCheckpoint after, ReadOnlySpan<byte> manifest)
    {
        using var imageFd = new Interop.BorrowedDescriptor(image);
        using var proofFd = new Interop.BorrowedDescriptor(target.MemoryProof);
        fixed (byte* manifestBytes = manifest)
        {
            var request = new Interop.Uapi.KckptCheckpoint
            {
                Size = (uint)sizeof(Interop.Uapi.KckptCheckpoint),
                Flags = (uint)after,
                Pid = target.Pid,
                ImageFd = imageFd.Fd,
                ProofFd = proofFd.Fd,
                Manifest = (ulong)manifestBytes,
                ManifestLen = (uint)manifest.Length,
            };
            IoctlWithReason(Interop.Uapi.IocCheckpoint, "KCKPT_IOC_CHECKPOINT", &request, request.Reason, target);
            return new CheckpointResult(request.ImageBytes, request.MemoryBytes);
        }
    }

    /// <summary>
    /// Checkpoints <paramref name="target"/> into a file the module creates at <paramref name="path"/>
    /// (KCKPT_IOC_CHECKPOINT with KCKPT_CKPT_CREATE): a 0600 temporary beside it, synced, renamed into place (over the
    /// caller's own file only with <paramref name="replace"/>), the directory synced, and only then does
    /// <paramref name="after"/> happen to the target. On any failure nothing is left behind and the target runs on.
    /// Blocks until then; <paramref name="progress"/> hears the image bytes written so far about ten times a second.
    /// </summary>
    /// <exception cref="CheckpointFailedException">The module refused or failed; the target runs on untouched.</exception>
    public unsafe CheckpointResult Checkpoint(
        TargetProcess target, string path, bool replace, AfterCheckpoint after, ReadOnlySpan<byte> manifest, IProgress<long>? progress = null)
    {
        using var proofFd = new Interop.BorrowedDescriptor(target.MemoryProof);
        byte[] pathBytes = Interop.CString.Encode(path);
        var request = (Interop.Uapi.KckptCheckpoint*)NativeMemory.AllocZeroed((nuint)sizeof(Interop.Uapi.KckptCheckpoint));
        try
        {
            fixed (byte* manifestBytes = manifest)
            fixed (byte* pathPointer = pathBytes)
            {
                *request = new Interop.Uapi.KckptCheckpoint
                {
                    Size = (uint)sizeof(Interop.Uapi.KckptCheckpoint),
                    Flags = (uint)after | Interop.Uapi.CkptCreate | (replace ? Interop.Uapi.CkptReplace : 0),
                    Pid = target.Pid,
                    ImageFd = -1,
                    ProofFd = proofFd.Fd,
                    Manifest = (ulong)manifestBytes,
                    ManifestLen = (uint)manifest.Length,
                    ImagePath = (ulong)pathPointer,
                };
                using var watch = progress is null ? null : new ImageProgressWatch(&request->ImageBytes, progress);
                IoctlWithReason(Interop.Uapi.IocCheckpoint, "KCKPT_IOC_CHECKPOINT", request, request->Reason, target);
                return new CheckpointResult(request->ImageBytes, request->MemoryBytes);
            }
        }
        finally
        {
            NativeMemory.Free(request);
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
        using var proofFd = new Interop.BorrowedDescriptor(target.MemoryProof);
        var request = new Interop.Uapi.KckptRequest
        {
            Size = (uint)sizeof(Interop.Uapi.KckptRequest),
            Flags = exit ? Interop.Uapi.ReqExit : 0,
            Pid = target.Pid,
            ProofFd = proofFd.Fd,
        };
        IoctlWithReason(Interop.Uapi.IocRequest, "KCKPT_IOC_REQUEST", &request, request.Reason, target);
        return (RequestAction)request.Action switch
        {
            RequestAction.Signalled => RequestResult.Signalled,
            RequestAction.Ignored => RequestResult.Ignored,
            RequestAction.Checkpointed => RequestResult.Checkpointed(
                Interop.CString.Decode(new ReadOnlySpan<byte>(request.Path, Interop.Uapi.PathLen)), request.ImageBytes),
            _ => throw new KckptException($"KCKPT_IOC_REQUEST on {Path} answered with unknown action {request.Action} for {target}"),
        };
    }

    public void Dispose() => handle.Dispose();

    /// <summary>
    /// An ioctl on <paramref name="target"/> whose struct carries a reason buffer (KCKPT_REASON_LEN bytes) the module
    /// fills when it refuses. A failure becomes a <see cref="CheckpointDeniedException"/> (EPERM, EACCES) or a
    /// <see cref="CheckpointFailedException"/>, with the module's reason, or strerror when it gave none.
    /// </summary>
    private unsafe void IoctlWithReason(uint command, string name, void* argument, byte* reason, TargetProcess target)
    {
        if (Interop.Libc.Ioctl(handle, command, argument) >= 0)
        {
            return;
        }

        int errno = Marshal.GetLastPInvokeError();
        string said = Interop.CString.Decode(new ReadOnlySpan<byte>(reason, Interop.Uapi.ReasonLen));
        string why = said.Length > 0 ? said : ErrnoReason(errno, name);
        throw errno is Interop.Errno.EPERM or Interop.Errno.EACCES
            ? new CheckpointDeniedException(target.ToString(), why, errno)
            : new CheckpointFailedException(target.ToString(), why, errno);
    }

    /// <summary>
    /// Asks the module whether it would begin restoring <paramref name="image"/> for this process, as it is now
    /// (KCKPT_IOC_RESTORE_BEGIN with KCKPT_BEGIN_DRY_RUN): every check of the real BEGIN, no session kept.
    /// </summary>
    /// <returns>Null when it would; otherwise its reason.</returns>
    public unsafe string? RestoreRefusal(SafeFileHandle image)
    {
        using var imageFd = new Interop.BorrowedDescriptor(image);
        var begin = new Interop.Uapi.KckptRestoreBegin
        {
            Size = (uint)sizeof(Interop.Uapi.KckptRestoreBegin),
            Flags = Interop.Uapi.BeginDryRun,
            ImageFd = imageFd.Fd,
        };
        if (Interop.Libc.Ioctl(handle, Interop.Uapi.IocRestoreBegin, &begin) == 0)
        {
            return null;
        }

        int errno = Marshal.GetLastPInvokeError();
        string reason = Interop.CString.Decode(new ReadOnlySpan<byte>(begin.Reason, Interop.Uapi.ReasonLen));
        return reason.Length > 0 ? reason : ErrnoReason(errno, "KCKPT_IOC_RESTORE_BEGIN");
    }

    private string ErrnoReason(int errno, string ioctl)
    {
        string text = $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
        return errno == Interop.Errno.ENOTTY
            ? $"{text}: {Path} does not know {ioctl}; load the kckpt module of this KCkpt release"
            : text;
    }
}
