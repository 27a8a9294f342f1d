using System.Net;
using System.Text.RegularExpressions;

namespace IntacctSync.Rules;

/// <summary>
/// HTML read as a person reads it, for every text that may carry markup: a message pasted from a page or an e-mail
/// (<see cref="Rules.MessagePattern"/>) and a text of Sage Intacct's responses (<see cref="Intacct.IntacctText"/>).
/// </summary>
internal static partial class Markup
{
    /// <summary>
    /// The text shown: tags that break a line or a block become a space, inline tags go (or become a space, with
    /// <paramref name="inlineAsSpace"/>), and entities become their characters. Only real element names are tags:
    /// Intacct's texts also hold placeholders such as <c>&lt;sender&gt;</c>, which stay.
    /// </summary>
    public static string ToText(string text, bool inlineAsSpace = false) =>
        WebUtility.HtmlDecode(InlineTag().Replace(BlockTag().Replace(text, " "), inlineAsSpace ? " " : string.Empty));

    // Linear whatever the text (non-backtracking): the texts come from strangers.
    [GeneratedRegex(@"</?(?:br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|hr|blockquote|pre|center|body|html|head)\b[^<>]*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"</?(?:b|i|u|a|em|strong|span|font|small|big|code|tt|sup|sub|mark|q|cite|wbr|img|title|meta|link|script|style)\b[^<>]*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex InlineTag();
}
