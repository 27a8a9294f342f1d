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
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

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
    /// <param name="errorNo">The error's number, trimmed.</param>
    /// <param name="texts">The error's texts, normalized once for every pattern; tried in <see cref="ApiErrorTexts.FieldNames"/> order.</param>
    /// <param name="field">The field whose text matched.</param>
    /// <param name="values">The placeholder values the text held, by name; values the text left out (<c>...</c>) are not there.</param>
    /// <param name="budget">The document's recognition budget, which counts a match stopped by its timeout; <c>null</c> outside a classification.</param>
    public bool TryMatch(string? errorNo, in ApiErrorTexts texts, out string field, out IReadOnlyDictionary<string, string> values, RecognitionBudget? budget = null)
    {
        field = string.Empty;
        values = NoValues;
        if (ErrorNo is not null && !string.Equals(ErrorNo, errorNo, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 0; i < ApiErrorTexts.FieldNames.Length; i++)
        {
            var text = texts[i];
            if (text is not null && _pattern.TryMatch(text, out var captured, budget))
            {
                field = ApiErrorTexts.FieldNames[i];
                values = WithoutElided(captured);
                return true;
            }
        }

        return false;
    }

    // The captured values are the pattern's own new dictionary (or a shared empty one): elided values are
    // taken out of it rather than copied into another.
    private static IReadOnlyDictionary<string, string> WithoutElided(IReadOnlyDictionary<string, string> captured)
    {
        if (captured.Count == 0 || captured is not Dictionary<string, string> owned)
        {
            return captured;
        }

        List<string>? elided = null;
        foreach (var (key, value) in owned)
        {
            if (Elided(value))
            {
                (elided ??= []).Add(key);
            }
        }

        if (elided is not null)
        {
            foreach (var key in elided)
            {
                owned.Remove(key);
            }
        }

        return owned;
    }

    /// <summary>A value left out of the text as published (<c>...</c>, <c>&lt;date&gt;</c>) is no value.</summary>
    private static bool Elided(string value) =>
        value.Contains("...", StringComparison.Ordinal) || value.Contains('\u2026', StringComparison.Ordinal)
        || (value.StartsWith('<') && value.EndsWith('>')) || !HasLetterOrDigit(value);

    private static bool HasLetterOrDigit(string value)
    {
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Slot();
}

/// <summary>An API error's texts (<c>description2</c>, <c>description</c>, <c>correction</c>), each normalized once, or <c>null</c> when blank.</summary>
internal readonly struct ApiErrorTexts
{
    /// <summary>The fields' names, in the order their texts are tried and indexed.</summary>
    public static readonly string[] FieldNames = ["description2", "description", "correction"];

    private readonly string? _description2;
    private readonly string? _description;
    private readonly string? _correction;

    public ApiErrorTexts(ApiError error)
    {
        _description2 = Normal(error.Description2);
        _description = Normal(error.Description);
        _correction = Normal(error.Correction);
    }

    /// <summary>The text of field <paramref name="index"/> of <see cref="FieldNames"/>.</summary>
    public string? this[int index] => index switch
    {
        0 => _description2,
        1 => _description,
        _ => _correction,
    };

    private static string? Normal(string? text) => string.IsNullOrWhiteSpace(text) ? null : MessagePattern.Normalize(text);
}
