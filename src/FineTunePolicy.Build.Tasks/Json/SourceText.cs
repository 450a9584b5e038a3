using System;
using System.Collections.Generic;
using System.Text;

namespace FineTunePolicy.Build.Tasks.Json
{
    /// <summary>
    /// The UTF-8 bytes of a policy file (transcoded from UTF-16 or UTF-32 when the file was saved that way, without
    /// any byte order mark) and the table that turns a byte offset into a 1-based line and column.
    /// Columns count UTF-16 code units, as editors and Visual Studio do.
    /// </summary>
    internal sealed class SourceText
    {
        private readonly int[] _lineStarts;

        private SourceText(byte[] utf8)
        {
            Utf8 = utf8;
            var starts = new List<int> { 0 };
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }

            _lineStarts = starts.ToArray();
        }

        public byte[] Utf8 { get; }

        /// <summary>Decodes the raw bytes of a file. Returns null and a reason when the bytes are not text.</summary>
        public static SourceText? FromBytes(byte[] raw, out string? error)
        {
            error = null;
            try
            {
                if (raw.Length >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF)
                {
                    var body = new byte[raw.Length - 3];
                    Array.Copy(raw, 3, body, 0, body.Length);
                    return new SourceText(body);
                }

                if (raw.Length >= 4 && raw[0] == 0xFF && raw[1] == 0xFE && raw[2] == 0 && raw[3] == 0)
                {
                    return Transcode(new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), raw, 4);
                }

                if (raw.Length >= 2 && raw[0] == 0xFF && raw[1] == 0xFE)
                {
                    return Transcode(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), raw, 2);
                }

                if (raw.Length >= 2 && raw[0] == 0xFE && raw[1] == 0xFF)
                {
                    return Transcode(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), raw, 2);
                }

                // JSON text starts with an ASCII character, so UTF-16 saved without a byte order mark shows a zero byte
                // in the first pair.
                if (raw.Length >= 2 && raw[0] == 0 && raw[1] != 0)
                {
                    return Transcode(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), raw, 0);
                }

                if (raw.Length >= 2 && raw[0] != 0 && raw[1] == 0)
                {
                    return Transcode(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), raw, 0);
                }

                return new SourceText(raw);
            }
            catch (DecoderFallbackException ex)
            {
                error = ex.Message;
                return null;
            }
        }

        private static SourceText Transcode(Encoding encoding, byte[] raw, int skip)
        {
            var text = encoding.GetString(raw, skip, raw.Length - skip);
            return new SourceText(Encoding.UTF8.GetBytes(text));
        }

        /// <summary>The 1-based line and column of a byte offset.</summary>
        public (int Line, int Column) GetPosition(long byteOffset)
        {
            var offset = (int)Math.Max(0, Math.Min(byteOffset, Utf8.Length));
            var index = Array.BinarySearch(_lineStarts, offset);
            var line = index >= 0 ? index : ~index - 1;
            return (line + 1, CountColumn(_lineStarts[line], offset));
        }

        /// <summary>The 1-based line and column for a 0-based line number and a byte position within that line.</summary>
        public (int Line, int Column) GetPosition(long zeroBasedLine, long bytePositionInLine)
        {
            var line = (int)Math.Max(0, Math.Min(zeroBasedLine, _lineStarts.Length - 1));
            var start = _lineStarts[line];
            var end = (int)Math.Min(Utf8.Length, start + Math.Max(0, bytePositionInLine));
            return (line + 1, CountColumn(start, end));
        }

        private int CountColumn(int lineStart, int offset)
        {
            if (offset <= lineStart)
            {
                return 1;
            }

            // Invalid UTF-8 is replaced while counting, so a position inside a broken sequence still gets a column.
            return Encoding.UTF8.GetCharCount(Utf8, lineStart, offset - lineStart) + 1;
        }
    }
}
