using KCkpt.Cli;
using KCkpt.Errors;
using KCkpt.Image;

namespace KCkpt.Tests.Cli;

public sealed class ExitCodesTests
{
    public static TheoryData<KckptException, int> ExceptionsAndCodes => new()
    {
        { new ModuleNotLoadedException("/dev/kckpt", "is missing", 2), 3 },
        { new KckptPermissionException("open", "/dev/kckpt", "Permission denied", 13), 4 },
        { new AbiMismatchException(2, "0.2.0", 1), 6 },
        { new KckptException("open /dev/kckpt: Invalid argument (errno 22)", 22), 1 },
        { new PtraceDeniedException(42, "sleep", "Permission denied", 13), 4 },
        { new ImageFormatException("x.ckpt", 0, "no ELF magic"), 7 },
        { new CheckpointFailedException("42 (sleep)", "the target is multi-threaded", 95), 8 },
        { new CheckpointDeniedException("42 (sleep)", "permission denied: pass an open /proc/42/mem", 1), 4 },
        { new RestoreFailedException("x.ckpt", "kernel release differs"), 5 },
    };

    [Theory]
    [MemberData(nameof(ExceptionsAndCodes))]
    public void EachFailureHasItsOwnExitCode(KckptException exception, int exitCode)
    {
        ExitCodes.For(exception).Should().Be(exitCode);
    }

    [Fact]
    public void HelpDocumentsEveryExitCodeOnce()
    {
        ExitCodes.Documented.Select(e => e.Code).Should().Equal(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }
}
