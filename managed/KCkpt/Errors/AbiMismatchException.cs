namespace KCkpt.Errors;

/// <summary>The loaded kckpt module speaks another ABI version than this KCkpt.</summary>
public sealed class AbiMismatchException(uint moduleAbiVersion, string moduleVersion, uint expectedAbiVersion)
    : KckptException(
        $"the loaded kckpt module {moduleVersion} speaks ABI {moduleAbiVersion}, but this KCkpt speaks ABI {expectedAbiVersion}. "
        + "Load a kckpt module from the same KCkpt release (sudo rmmod kckpt, then load the matching kckpt.ko).");
