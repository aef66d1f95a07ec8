using System.Runtime.InteropServices;

internal static partial class Interop
{
    /// <summary>A NULL-terminated array of NUL-terminated UTF-8 strings in native memory, as argv and envp are.</summary>
    internal sealed unsafe class CStringArray : IDisposable
    {
        private readonly nint* pointers;
        private readonly int count;

        internal CStringArray(IReadOnlyList<string> strings)
        {
            count = strings.Count;
            pointers = (nint*)NativeMemory.AllocZeroed((nuint)(count + 1), (nuint)sizeof(nint));
            for (int i = 0; i < count; i++)
            {
                pointers[i] = Marshal.StringToCoTaskMemUTF8(strings[i]);
            }
        }

        /// <summary>The array, for execve or posix_spawn; valid until disposed.</summary>
        internal nint* Pointer => pointers;

        public void Dispose()
        {
            for (int i = 0; i < count; i++)
            {
                Marshal.FreeCoTaskMem(pointers[i]);
            }

            NativeMemory.Free(pointers);
        }
    }
}
