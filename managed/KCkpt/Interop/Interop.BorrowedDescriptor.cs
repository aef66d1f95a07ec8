using Microsoft.Win32.SafeHandles;

internal static partial class Interop
{
    /// <summary>
    /// The number of a <see cref="SafeFileHandle"/>'s descriptor, for a struct that hands it to the kernel or for a
    /// /proc/self/fd path: until this is disposed the handle holds a reference, so it cannot be closed (and its number
    /// reused) under the call.
    /// </summary>
    internal ref struct BorrowedDescriptor
    {
        private readonly SafeFileHandle handle;
        private bool referenced;

        internal BorrowedDescriptor(SafeFileHandle handle)
        {
            this.handle = handle;
            handle.DangerousAddRef(ref referenced);
            Fd = (int)handle.DangerousGetHandle();
        }

        internal int Fd { get; }

        public void Dispose()
        {
            if (referenced)
            {
                referenced = false;
                handle.DangerousRelease();
            }
        }
    }
}
