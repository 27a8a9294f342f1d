using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace IntacctSync.Rules.Intacct;

public static partial class IntacctResponseReader
{
    /// <summary>
    /// The body's bytes as text: UTF-8 (with or without its byte order mark), or UTF-16/UTF-32 when a byte order mark
    /// says so. Bytes that are not valid in that encoding are refused, as the evidence reader refuses them: replaced
    /// silently, they would turn a damaged or hostile body into text it never held.
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> bytes, string? source)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return DecodeStrict(bytes, 4, new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32", source);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return DecodeStrict(bytes, 4, new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32", source);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeStrict(bytes, 2, new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", source);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeStrict(bytes, 2, new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", source);
        }

        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var utf8 = bytes[bom..];
        if (Utf8.IsValid(utf8))
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var offset = bom + FirstInvalidUtf8(utf8);
        var (line, column) = BytePosition(bytes, offset);
        throw new IntacctResponseFormatException(
            string.Create(CultureInfo.InvariantCulture, $"the response is not valid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} does not belong to a UTF-8 character; ")
            + "give the body exactly as Sage Intacct sent it (UTF-8), not a copy converted by an editor or a terminal",
            source, line, column);
    }

    /// <summary>The offset of the first byte of <paramref name="utf8"/> that does not start or continue a valid UTF-8 character.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            _ = Utf8.ToUtf16(utf8, chars, out var valid, out _, replaceInvalidSequences: false, isFinalBlock: true);
            return valid;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The 1-based line and byte column of a byte offset.</summary>
    private static (long Line, long Column) BytePosition(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        return (before.Count((byte)'\n') + 1, offset - before.LastIndexOf((byte)'\n'));
    }

    private static string DecodeStrict(ReadOnlySpan<byte> bytes, int bom, Encoding encoding, string name, string? source)
    {
        try
        {
            return encoding.GetString(bytes[bom..]);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = bom + Math.Max(0, ex.Index);
            var unit = name == "UTF-32" ? 4 : 2;
            // The bytes before the bad ones are read leniently: they may end in half a character.
            var lenient = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
            var before = lenient.GetString(bytes[bom..(bom + ((offset - bom) / unit * unit))]);
            var line = before.AsSpan().Count('\n') + 1;
            var column = before.Length - before.LastIndexOf('\n');
            throw new IntacctResponseFormatException(
                string.Create(CultureInfo.InvariantCulture, $"the response is not valid {name} (as its byte order mark says it is): the bytes at byte offset {offset} are not a {name} character; ")
                + "give the body exactly as Sage Intacct sent it (UTF-8), not a copy converted by an editor or a terminal",
                source, line, column, ex);
        }
    }
}
