namespace IntacctSync.Rules.Cli.Tests;

public sealed class TerminalTextTests
{
    public static TheoryData<string, string> Escapes() => new()
    {
        { "plain text", "plain text" },
        { "Zürich 東京 — ok\tcolumn", "Zürich 東京 — ok\tcolumn" },
        { "\u001b[2Jclear", "\\u001B[2Jclear" },
        { "\u001b]0;title\u0007", "\\u001B]0;title\\u0007" },
        { "a\r\nintacct-sync: forged", "a\\u000D\\u000Aintacct-sync: forged" },
        { "nul\0del\u007f", "nul\\u0000del\\u007F" },
        { "c1\u0085\u009b31m", "c1\\u0085\\u009B31m" },
        { "\u202Eevil\u202C", "\\u202Eevil\\u202C" },
        { "\u2066iso\u2069\u200E\u200F\u061C", "\\u2066iso\\u2069\\u200E\\u200F\\u061C" },
        { "line\u2028para\u2029", "line\\u2028para\\u2029" },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Escape_UnsafeCharacters_AreWrittenVisibly(string text, string expected) =>
        Assert.Equal(expected, TerminalText.Escape(text));

    [Fact]
    public void Escape_EveryCharacter_LeavesNothingATerminalActsOn()
    {
        var all = new string(Enumerable.Range(0, 0x3000).Select(i => (char)i).ToArray());

        var escaped = TerminalText.Escape(all);

        Assert.Null(Hostile.FirstUnsafe(escaped));
        Assert.Contains("\t", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_SafeText_IsReturnedAsItIs()
    {
        var text = "nothing to escape here";

        Assert.Same(text, TerminalText.Escape(text));
    }

    [Fact]
    public void Error_MessageWithNewlines_IsOneLineWithTheProgramName()
    {
        using var stderr = new StringWriter();

        TerminalText.Error(stderr, "bad\nintacct-sync: batch x: 2 documents read");

        Assert.Equal("intacct-sync: bad\\u000Aintacct-sync: batch x: 2 documents read" + Environment.NewLine, stderr.ToString());
    }
}
