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

        /// <summary>UTF-8 and a NUL, for a path a kernel interface reads.</summary>
        internal static byte[] Encode(string text)
        {
            if (text.Contains('\0'))
            {
                throw new ArgumentException("a C string cannot hold NUL", nameof(text));
            }

            byte[] bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
            Encoding.UTF8.GetBytes(text, bytes);
            return bytes;
        }
    }
}
