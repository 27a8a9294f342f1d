using System.Text;
using System.Text.RegularExpressions;

namespace IntacctSync.Rules.Intacct;

/// <summary>
/// Text clean-up shared by the XML and REST readers: HTML tags and entities out, Support IDs set apart,
/// the object name taken from the text.
/// </summary>
internal static partial class IntacctText
{
    /// <summary>
    /// Cleans one text of a response: strips HTML tags and entities, removes <c>[Support ID: ...]</c>
    /// (also URL-encoded) and trims. The first Support ID seen is kept in <paramref name="supportId"/>.
    /// </summary>
    public static string? Clean(string? raw, ref string? supportId)
    {
        if (raw is null)
        {
            return null;
        }

        var text = Markup.ToText(raw);
        supportId = RemoveSupportIds(text, supportId, out text);
        return text.Trim();
    }

    /// <summary>
    /// Cuts every Support ID token out of <paramref name="text"/>, with the whitespace before it; built
    /// by hand rather than with a regex over the whitespace, which would backtrack on long runs of it.
    /// </summary>
    private static string? RemoveSupportIds(string text, string? supportId, out string cleaned)
    {
        var matches = SupportIdToken().Matches(text);
        if (matches.Count == 0)
        {
            cleaned = text;
            return supportId;
        }

        var result = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match match in matches)
        {
            result.Append(text, last, match.Index - last);
            while (result.Length > 0 && char.IsWhiteSpace(result[^1]))
            {
                result.Length--;
            }

            var id = match.Groups["id"].Value.Trim();
            if (supportId is null && id.Length > 0)
            {
                supportId = id;
            }

            last = match.Index + match.Length;
            if (result.Length > 0 && last < text.Length && !char.IsWhiteSpace(text[last]))
            {
                result.Append(' ');
            }
        }

        result.Append(text, last, text.Length - last);
        cleaned = result.ToString();
        return supportId;
    }

    /// <summary>The object an error's text names ("objects of type X", "Object definition X not found"), upper case.</summary>
    public static string? ObjectFrom(params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (ObjectName().Match(text) is { Success: true } match)
            {
                return match.Groups["object"].Value.ToUpperInvariant();
            }
        }

        return null;
    }

    /// <summary>Whether a text is one of Intacct's generic wrappers, which follow or precede the specific error.</summary>
    public static bool IsWrapperText(string? text) => !string.IsNullOrWhiteSpace(text) && WrapperText().IsMatch(text);

    /// <summary>A short, single-line excerpt of a page or body for the "unavailable" description.</summary>
    public static string Excerpt(string text, int max = 160)
    {
        var plain = Whitespace().Replace(Markup.ToText(text.Length <= 4096 ? text : text[..4096], inlineAsSpace: true), " ").Trim();
        return plain.Length <= max ? plain : string.Concat(plain.AsSpan(0, max), "…");
    }

    /// <summary>The title (or first heading) of an HTML page, where it has one.</summary>
    public static string? HtmlTitle(string html)
    {
        // Only the head of the page: a title is near the top, and a bounded input keeps the regex cheap.
        var match = Title().Match(html.Length <= 8192 ? html : html[..8192]);
        if (!match.Success)
        {
            return null;
        }

        var title = Excerpt(match.Groups["title"].Value);
        return title.Length == 0 ? null : title;
    }

    [GeneratedRegex(@"(?:\[\s*|%5B(?:%20)*)?Support(?:%20|\+|\s)*ID\s*(?::|%3A)(?:%20|\+|\s)*(?<id>[^\s\]]*?)\s*(?:\]|%5D|(?=\s)|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupportIdToken();

    [GeneratedRegex(@"objects of type\s+'?(?<object>[A-Za-z][A-Za-z0-9_]*)|Object (?:definition|type)\s+'?(?<object>[A-Za-z][A-Za-z0-9_]*)'?\s+not found", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ObjectName();

    [GeneratedRegex(@"^\s*(?:Could not create [\w ]+ record[!.]?|Currently, we can.t create the transaction\.?|The entire transaction in this operation has been rolled back due to an error\.?|\w+ request on \S+ object was unsuccessful\.?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrapperText();

    [GeneratedRegex(@"<(?<tag>title|h1)\b[^>]*>(?<title>.*?)</\k<tag>\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Title();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
