using System.Buffers;
using System.Globalization;
using System.Text;

namespace IntacctSync.Rules.Cli;

/// <summary>
/// Text from the evidence, the rules or the command line made safe for a terminal and for a log: every character
/// that a terminal or a log viewer acts on is written visibly as <c>\uXXXX</c> (ESC as <c>\u001B</c>).
/// </summary>
/// <remarks>
/// Escaped: C0 controls except tab (newline and carriage return included, so a value never starts a line of its
/// own and cannot forge one), DEL, C1 controls (U+0080–U+009F, which some terminals read as ESC sequences), the
/// bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069,
/// which reorder what a person reads), and the Unicode line and paragraph separators (U+2028, U+2029). Everything
/// else, non-Latin text included, is kept as it is. Every line the CLI writes to standard error and every value
/// in the text and Markdown reports goes through <see cref="Escape"/>; the JSON output needs nothing more, as
/// System.Text.Json already escapes these characters.
/// </remarks>
internal static class TerminalText
{
    /// <summary>What every line of standard error starts with.</summary>
    public const string Prefix = "intacct-sync: ";

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(UnsafeCharacters());

    /// <summary>The text with every unsafe character written as <c>\uXXXX</c>; the text itself when it has none.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = text.AsSpan();
        var next = span.IndexOfAny(Unsafe);
        if (next < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        while (next >= 0)
        {
            escaped.Append(span[..next]);
            escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)span[next]:X4}");
            span = span[(next + 1)..];
            next = span.IndexOfAny(Unsafe);
        }

        return escaped.Append(span).ToString();
    }

    /// <summary>Writes one line of standard error: the program's name, then <paramref name="message"/> escaped.</summary>
    public static void Error(TextWriter stderr, string message) => stderr.WriteLine(Prefix + Escape(message));

    /// <summary>Writes one line of standard error without the program's name (an indented detail, a hint): escaped.</summary>
    public static void Line(TextWriter stderr, string line) => stderr.WriteLine(Escape(line));

    private static string UnsafeCharacters()
    {
        var chars = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c != '\t')
            {
                chars.Append(c);
            }
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            chars.Append(c);
        }

        chars.Append("\u061C\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
        return chars.ToString();
    }
}
