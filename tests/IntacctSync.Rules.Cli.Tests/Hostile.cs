using System.Globalization;

namespace IntacctSync.Rules.Cli.Tests;

/// <summary>Text that tries to act on a terminal or forge a line of output, and the check that none of it got through.</summary>
internal static class Hostile
{
    /// <summary>Clear screen, a window title ended by BEL, a right-to-left override, C1 NEL, and CR LF with a forged batch line.</summary>
    public const string Text = "R\u001b[2J\u001b]0;pwned\u0007\u202Eevil\u0085x\r\nintacct-sync: batch forged.jsonl: 2 documents read";

    /// <summary>How <see cref="Text"/> reads once escaped.</summary>
    public const string Escaped = "R\\u001B[2J\\u001B]0;pwned\\u0007\\u202Eevil\\u0085x\\u000D\\u000Aintacct-sync: batch forged.jsonl: 2 documents read";

    /// <summary>
    /// The first character a terminal would act on (a control character other than newline and tab, DEL, C1, a
    /// bidi mark or override), as <c>U+XXXX at N</c>; <c>null</c> when there is none.
    /// </summary>
    /// <param name="text">The output.</param>
    /// <param name="controlsOnly">Only control characters (C0 but newline and tab, DEL, C1): what the JSON report escapes.</param>
    public static string? FirstUnsafe(string text, bool controlsOnly = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var control = (c < ' ' && c is not ('\n' or '\t')) || c is >= '\u007F' and <= '\u009F';
            var unsafeChar = control || (!controlsOnly && (c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
                || c is >= '\u202A' and <= '\u202E'
                || c is >= '\u2066' and <= '\u2069'));
            if (unsafeChar)
            {
                return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} at {i}: ...{text[Math.Max(0, i - 30)..i]}");
            }
        }

        return null;
    }

    /// <summary>Lines that start with the program's name: only the CLI's own messages may.</summary>
    public static string[] LinesStartingWith(string text, string prefix) =>
        text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
}
