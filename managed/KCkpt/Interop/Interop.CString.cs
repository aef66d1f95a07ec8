using System.Text;

internal static partial class Interop
{
    /// <summary>Reads the NUL-terminated strings of fixed-size kernel char arrays.</summary>
    internal static class CString
    {
        /// <summary>The text up to the first NUL, or the whole buffer if it has none.</summary>
        internal static string Decode(ReadOnlySpan<byte> buffer)
        {
            int end = buffer.IndexOf((byte)0);
            return Encoding.UTF8.GetString(end < 0 ? buffer : buffer[..end]);
        }
    }
}
