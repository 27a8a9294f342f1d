using System.Buffers;
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

    private readonly Dictionary<string, CompiledRule> _byCode;
    private readonly Dictionary<string, CompiledRule>.AlternateLookup<ReadOnlySpan<char>> _byCodeSpan;
    private readonly CompiledRule[] _withPatterns;

    // Every pattern's required text (MessagePattern.MustContain), searched for all at once: a message without
    // a code is scanned once for where any of them occurs, and only the patterns whose text it holds run
    // their regex (a message that holds none is settled by that one vectorized pass). Null when some pattern
    // requires no text, since then any message may match it: every pattern is tried in turn. The search values
    // are built on the first message without a code (building them is not free, and many processes meet none).
    private SearchValues<string>? _anyRequired;
    private readonly string[]? _required;
    private readonly (CompiledRule Rule, MessagePattern Pattern, int Required)[] _candidates = [];

    public MessageRecognizer(IReadOnlyList<CompiledRule> rules)
    {
        _byCode = rules.Where(r => !r.Fallback).ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        _byCodeSpan = _byCode.GetAlternateLookup<ReadOnlySpan<char>>();
        _withPatterns = rules.Where(r => r.Patterns.Count > 0 && !r.Fallback).ToArray();
        var patterns = _withPatterns.SelectMany(r => r.Patterns.Select(p => (Rule: r, Pattern: p))).ToArray();
        if (patterns.Length > 0 && patterns.All(p => p.Pattern.MustContain is not null))
        {
            _required = patterns.Select(p => p.Pattern.MustContain!).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var index = _required.Select((text, i) => (text, i)).ToDictionary(p => p.text, p => p.i, StringComparer.OrdinalIgnoreCase);
            _candidates = patterns.Select(p => (p.Rule, p.Pattern, index[p.Pattern.MustContain!])).ToArray();
        }
    }

    public IReadOnlyList<MessageMatch> Recognize(IReadOnlyList<string>? messages, RecognitionBudget? budget = null)
    {
        if (messages is null || messages.Count == 0)
        {
            return [];
        }

        var matches = new List<MessageMatch>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (budget is not null && budget.Spent)
            {
                budget.MessagesSkipped += messages.Count - i;
                break;
            }

            RecognizeAll(messages[i], i, matches, budget);
        }

        return matches;
    }

    /// <summary>
    /// Adds the matches of one pasted text: a text holding several messages (an e-mail, a log excerpt) is read as one
    /// message per code it names, each from its code up to the next code, in order. The first is read as a single
    /// message would be; each later one only when its code's template matches it, so that a code quoted in passing
    /// ("see INT402") adds nothing.
    /// </summary>
    private void RecognizeAll(string message, int index, List<MessageMatch> matches, RecognitionBudget? budget)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return;
        }

        var normalized = MessagePattern.Normalize(message);
        var starts = CodeStarts(normalized);
        for (var s = 0; s < Math.Max(starts.Count, 1); s++)
        {
            var from = s == 0 ? 0 : starts[s];
            var to = s + 1 < starts.Count ? starts[s + 1] : normalized.Length;
            var part = from == 0 && to == normalized.Length ? normalized : normalized[from..to];
            if (s == 0)
            {
                if (RecognizeNormalized(part, budget) is { } first)
                {
                    matches.Add(new MessageMatch(index, first.Rule.Code, first.Values));
                }

                continue;
            }

            var rule = CodeRule(part)!;
            foreach (var pattern in rule.Patterns)
            {
                if (pattern.TryMatch(part, out var values, budget))
                {
                    matches.Add(new MessageMatch(index, rule.Code, values));
                    break;
                }
            }
        }
    }

    /// <summary>Where each known code (<c>INT402</c>) begins in the text.</summary>
    private List<int> CodeStarts(string normalized)
    {
        var starts = new List<int>(2);
        foreach (var code in Code().EnumerateMatches(normalized))
        {
            if (_byCodeSpan.ContainsKey(normalized.AsSpan(code.Index, code.Length)))
            {
                starts.Add(code.Index);
            }
        }

        return starts;
    }

    public (CompiledRule Rule, IReadOnlyDictionary<string, string> Values)? Recognize(string message, RecognitionBudget? budget = null) =>
        string.IsNullOrWhiteSpace(message) ? null : RecognizeNormalized(MessagePattern.Normalize(message), budget);

    private (CompiledRule Rule, IReadOnlyDictionary<string, string> Values)? RecognizeNormalized(string normalized, RecognitionBudget? budget)
    {
        if (CodeRule(normalized) is { } byCode)
        {
            foreach (var pattern in byCode.Patterns)
            {
                if (pattern.TryMatch(normalized, out var values, budget))
                {
                    return (byCode, values);
                }
            }

            return (byCode, NoValues);
        }

        if (_required is not null)
        {
            return ByRequiredText(normalized, budget);
        }

        foreach (var rule in _withPatterns)
        {
            foreach (var pattern in rule.Patterns)
            {
                if (pattern.TryMatch(normalized, out var values, budget))
                {
                    return (rule, values);
                }
            }
        }

        return null;
    }

    /// <summary>Builds the search values once; two threads may race, both build the same, either is kept.</summary>
    private SearchValues<string> CreateSearch(string[] texts)
    {
        var search = SearchValues.Create(texts, StringComparison.OrdinalIgnoreCase);
        return Interlocked.CompareExchange(ref _anyRequired, search, null) ?? search;
    }

    private (CompiledRule Rule, IReadOnlyDictionary<string, string> Values)? ByRequiredText(string normalized, RecognitionBudget? budget)
    {
        // Visit every position where some required text begins, and note every one that begins there.
        var texts = _required!;
        Span<bool> present = texts.Length <= 512 ? stackalloc bool[texts.Length] : new bool[texts.Length];
        var search = Volatile.Read(ref _anyRequired) ?? CreateSearch(texts);
        var text = normalized.AsSpan();
        var any = false;
        for (var at = text.IndexOfAny(search); at >= 0;)
        {
            var rest = text[at..];
            for (var i = 0; i < texts.Length; i++)
            {
                if (!present[i] && rest.StartsWith(texts[i], StringComparison.OrdinalIgnoreCase))
                {
                    present[i] = any = true;
                }
            }

            var next = rest[1..].IndexOfAny(search);
            at = next < 0 ? -1 : at + 1 + next;
        }

        if (!any)
        {
            return null;
        }

        // In catalog order, as the plain loop would try them.
        foreach (var (rule, pattern, required) in _candidates)
        {
            if (present[required] && pattern.TryMatch(normalized, out var values, budget))
            {
                return (rule, values);
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
