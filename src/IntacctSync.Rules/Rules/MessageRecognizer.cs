using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Recognizes pasted messages: the code in the text picks the rule first (one template to try), and
/// only a message without a known code is tried against every template.
/// </summary>
internal sealed partial class MessageRecognizer
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    private readonly FrozenDictionary<string, CompiledRule> _byCode;
    private readonly FrozenDictionary<string, CompiledRule>.AlternateLookup<ReadOnlySpan<char>> _byCodeSpan;
    private readonly CompiledRule[] _withPatterns;

    // Every pattern's required text, searched for all at once: a message without a code that holds none of
    // them (most unrecognized messages) is settled in one vectorized pass instead of a search per pattern.
    // Null when some pattern requires no text, since then any message may match.
    private readonly SearchValues<string>? _anyRequired;

    public MessageRecognizer(IReadOnlyList<CompiledRule> rules)
    {
        _byCode = rules.Where(r => !r.Fallback).ToFrozenDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        _byCodeSpan = _byCode.GetAlternateLookup<ReadOnlySpan<char>>();
        _withPatterns = rules.Where(r => r.Patterns.Count > 0 && !r.Fallback).ToArray();
        var required = _withPatterns.SelectMany(r => r.Patterns).Select(p => p.MustContain).ToArray();
        _anyRequired = required.Length > 0 && required.All(r => r is not null)
            ? SearchValues.Create(required!, StringComparison.OrdinalIgnoreCase)
            : null;
    }

    public IReadOnlyList<MessageMatch> Recognize(IReadOnlyList<string>? messages)
    {
        if (messages is null || messages.Count == 0)
        {
            return [];
        }

        var matches = new List<MessageMatch>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (Recognize(messages[i]) is { } found)
            {
                matches.Add(new MessageMatch(i, found.Rule.Code, found.Values));
            }
        }

        return matches;
    }

    public (CompiledRule Rule, IReadOnlyDictionary<string, string> Values)? Recognize(string message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var normalized = MessagePattern.Normalize(message);
        if (CodeRule(normalized) is { } byCode)
        {
            foreach (var pattern in byCode.Patterns)
            {
                if (pattern.TryMatch(normalized, out var values))
                {
                    return (byCode, values);
                }
            }

            return (byCode, NoValues);
        }

        if (_anyRequired is not null && normalized.AsSpan().IndexOfAny(_anyRequired) < 0)
        {
            return null;
        }

        foreach (var rule in _withPatterns)
        {
            foreach (var pattern in rule.Patterns)
            {
                if (pattern.TryMatch(normalized, out var values))
                {
                    return (rule, values);
                }
            }
        }

        return null;
    }

    /// <summary>The rule of the first code in the text (<c>INT402</c>), if it is a known one; looked up without a Match or a substring.</summary>
    private CompiledRule? CodeRule(string normalized)
    {
        var codes = Code().EnumerateMatches(normalized);
        if (!codes.MoveNext())
        {
            return null;
        }

        var code = codes.Current;
        return _byCodeSpan.TryGetValue(normalized.AsSpan(code.Index, code.Length), out var rule) ? rule : null;
    }

    [GeneratedRegex(@"\bINT\d{3}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
