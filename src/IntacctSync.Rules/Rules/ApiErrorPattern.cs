using System.Text.RegularExpressions;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// One Sage Intacct API error text that a rule recognizes (<c>message.apiErrors[n]</c>): a template with
/// <c>{name}</c> placeholders (contract subject names) tried against an error's <c>description2</c>,
/// <c>description</c> and <c>correction</c>, optionally narrowed to one error number. The number alone is
/// never the key: every entry has a text.
/// </summary>
internal sealed partial class ApiErrorPattern
{
    private static readonly string[] Fields = ["description2", "description", "correction"];

    private readonly MessagePattern _pattern;

    private ApiErrorPattern(MessagePattern pattern, string? errorNo, IReadOnlyList<string> names)
    {
        _pattern = pattern;
        ErrorNo = errorNo;
        Names = names;
    }

    /// <summary>The error number the text must come with, or <c>null</c> for any.</summary>
    public string? ErrorNo { get; }

    /// <summary>The placeholder names of the template, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The <c>{name}</c> tokens of a template.</summary>
    public static IEnumerable<string> Tokens(string text) => Slot().Matches(text).Select(m => m.Groups["name"].Value);

    /// <summary>Builds the pattern.</summary>
    /// <exception cref="ArgumentException">The template cannot be turned into a pattern.</exception>
    public static ApiErrorPattern Create(string text, string? errorNo)
    {
        var names = Tokens(text).Distinct(StringComparer.Ordinal).ToArray();
        var placeholders = names.ToDictionary(n => "{" + n + "}", n => n, StringComparer.Ordinal);
        return new ApiErrorPattern(MessagePattern.Create(text, placeholders), string.IsNullOrWhiteSpace(errorNo) ? null : errorNo.Trim(), names);
    }

    /// <summary>Tries the error's texts in turn; on success says which field matched and what the placeholders held.</summary>
    public bool TryMatch(ApiError error, out string field, out IReadOnlyDictionary<string, string> values)
    {
        field = string.Empty;
        values = new Dictionary<string, string>();
        if (ErrorNo is not null && !string.Equals(ErrorNo, error.ErrorNo?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var name in Fields)
        {
            var text = name switch
            {
                "description2" => error.Description2,
                "description" => error.Description,
                _ => error.Correction,
            };
            if (!string.IsNullOrWhiteSpace(text) && _pattern.TryMatch(MessagePattern.Normalize(text), out var captured))
            {
                field = name;
                values = captured.Where(v => !Elided(v.Value)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
                return true;
            }
        }

        return false;
    }

    /// <summary>A value left out of the text as published (<c>...</c>, <c>&lt;date&gt;</c>) is no value.</summary>
    private static bool Elided(string value) =>
        value.Contains("...", StringComparison.Ordinal) || value.Contains('\u2026', StringComparison.Ordinal)
        || (value.StartsWith('<') && value.EndsWith('>')) || !value.Any(char.IsLetterOrDigit);

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Slot();
}
