using System.Text;
using System.Text.RegularExpressions;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Recognizes one message template in pasted text: straight or typographic quotes, any run of
/// whitespace, any case; the code prefix (<c>INT402 Sync Error:</c>) may be left out, and so may the
/// sentences after the last placeholder. Placeholders become named captures.
/// </summary>
internal sealed partial class MessagePattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long the backtracking regex may run before the match is taken over by the non-backtracking one. A real
    /// message matches in microseconds; a text built to make the lazy placeholders rescan it (a template's opening
    /// words repeated) costs the backtracking engine time quadratic in its length, and gets this much of it.
    /// </summary>
    private static readonly TimeSpan BacktrackingTimeout = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Matches a pattern has run before it is compiled to IL. An interpreted regex costs nothing to build,
    /// which keeps loading the catalog quick; a compiled one matches some 4× faster but takes milliseconds to
    /// build, which pays off only for a template that a long-running process (a batch, a service) meets
    /// again and again.
    /// </summary>
    internal const int CompileAfter = 64;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline;

    private readonly string _pattern;
    private Built? _built;
    private int _runs;
    private Task? _compiling;
    private readonly string[] _slots;
    private readonly string? _mustContain;

    private MessagePattern(string pattern, string[] slots, string? mustContain)
    {
        _pattern = pattern;
        _slots = slots;
        _mustContain = mustContain;
    }

    /// <summary>
    /// Text the message must hold (any case) for the pattern to match, or <c>null</c> when the template has no
    /// such run; a message that holds none of the patterns' runs matches none of them.
    /// </summary>
    public string? MustContain => _mustContain;

    /// <summary>Builds the pattern; <paramref name="placeholders"/> maps a token such as <c>[X]</c> to a subject name.</summary>
    public static MessagePattern Create(string template, IReadOnlyDictionary<string, string> placeholders)
    {
        var text = Normalize(template);
        var prefix = CodePrefix().Match(text);
        var body = prefix.Success ? text[prefix.Length..] : text;

        var tokens = placeholders.Keys.OrderByDescending(k => k.Length).ToArray();
        var lastSlotEnd = Tokens(body, tokens).LastOrDefault() is { Length: > 0 } lastSlot ? lastSlot.Index + lastSlot.Length : 0;
        var sentenceEnd = body.IndexOf(". ", lastSlotEnd, StringComparison.Ordinal);
        var required = sentenceEnd < 0 ? body : body[..(sentenceEnd + 1)];

        // The code prefix and the sentences after the last placeholder may be left out of a message, so they
        // are not in the pattern at all: in a search anywhere in the text, an optional group at either end
        // changes neither whether it matches nor what it captures, and without one in front the regex
        // engine can look for the template's first words directly instead of trying every position.
        var slots = new List<string>();
        var pattern = new StringBuilder();

        var last = 0;
        string? mustContain = null;
        foreach (var (index, length, token) in Tokens(required, tokens))
        {
            mustContain = LongerRun(mustContain, required[last..index]);
            pattern.Append(Literal(required[last..index]));
            pattern.Append("(?<p").Append(slots.Count).Append(">.+?)");
            slots.Add(placeholders[token]);
            last = index + length;
        }

        var rest = required[last..];
        mustContain = LongerRun(mustContain, rest);
        pattern.Append(Literal(rest));
        if (rest.Length == 0)
        {
            // A template that ends on a placeholder: the value runs to the end of its sentence (a period before
            // whitespace) or of the text, so that what follows the message in a longer text ("... for the Account
            // 16200. Please try again.") is not taken as part of the value. (Line breaks are spaces by now.)
            pattern.Append("(?:\\.?\\s*$|\\.\\s)");
        }

        return new MessagePattern(pattern.ToString(), [.. slots], mustContain);
    }

    /// <summary>
    /// The placeholder tokens in <paramref name="text"/>, left to right, not overlapping; at each place the first of
    /// <paramref name="tokens"/> (longest first) that is there, as a regex alternation of them would find them.
    /// </summary>
    private static List<(int Index, int Length, string Token)> Tokens(string text, string[] tokens)
    {
        var found = new List<(int, int, string)>();
        for (var i = 0; i < text.Length && tokens.Length > 0;)
        {
            var token = Array.Find(tokens, t => t.Length > 0 && string.CompareOrdinal(text, i, t, 0, t.Length) == 0);
            if (token is null)
            {
                i++;
                continue;
            }

            found.Add((i, token.Length, token));
            i += token.Length;
        }

        return found;
    }

    /// <summary>
    /// The longer of <paramref name="best"/> and the longest run in <paramref name="literal"/> that the
    /// pattern matches only as itself, up to ASCII case: letters and digits, leaving out spaces and quotes
    /// (which match classes) and the letters k and s (which also match the Kelvin sign and the long s).
    /// Text without that run cannot match, so it is not given to the regex.
    /// </summary>
    private static string? LongerRun(string? best, string literal)
    {
        var start = 0;
        for (var i = 0; i <= literal.Length; i++)
        {
            if (i < literal.Length && char.IsAsciiLetterOrDigit(literal[i]) && char.ToLowerInvariant(literal[i]) is not ('k' or 's'))
            {
                continue;
            }

            if (i - start >= 4 && i - start > (best?.Length ?? 0))
            {
                best = literal[start..i];
            }

            start = i + 1;
        }

        return best;
    }

    /// <summary>
    /// Reads text as a person reads it: text copied from a web page or an e-mail loses its markup (line-break and
    /// block tags become a space, inline tags go, entities such as <c>&amp;#39;</c>, <c>&amp;amp;</c> and
    /// <c>&amp;nbsp;</c> become their characters), zero-width characters go, typographic quotes become straight ones
    /// and every run of whitespace (non-breaking spaces and line breaks included) becomes one space.
    /// </summary>
    public static string Normalize(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '&') >= 0)
        {
            text = Markup.ToText(text);
        }

        if (IsNormal(text))
        {
            return text;
        }

        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (IsZeroWidth(c))
            {
                continue;
            }

            if (space && folded.Length > 0)
            {
                folded.Append(' ');
            }

            space = false;
            folded.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
                _ => c,
            });
        }

        return folded.ToString();
    }

    /// <summary>Whether <see cref="Normalize"/> would return the text as it is: single spaces between words, no typographic quotes or zero-width characters.</summary>
    private static bool IsNormal(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u2018' or '\u2019' or '\u201B' or '\u2032' or '\u201C' or '\u201D' or '\u201F' or '\u2033' || IsZeroWidth(c))
            {
                return false;
            }

            if (c == ' ' ? i == 0 || i == text.Length - 1 || text[i + 1] == ' ' : char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Zero-width space, joiners, word joiner and the byte order mark: invisible in a message, so not part of it.</summary>
    private static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>Matches normalized text; on success fills the captured placeholder values by subject name.</summary>
    public bool TryMatch(string normalized, out IReadOnlyDictionary<string, string> values, RecognitionBudget? budget = null)
    {
        values = Empty;
        if (_mustContain is not null && !normalized.Contains(_mustContain, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The backtracking engine first (four times faster on a real message), the non-backtracking one when it runs
        // out of time: that one is linear in the text, so no text costs more than both limits together. Both find
        // the same match, so which one did is invisible in the result.
        Match m;
        var built = Current();
        var groups = built.Groups;
        try
        {
            m = built.Regex.Match(normalized);
        }
        catch (RegexMatchTimeoutException)
        {
            var linear = built.Linear;
            try
            {
                m = linear.Regex.Match(normalized);
                groups = linear.Groups;
            }
            catch (RegexMatchTimeoutException)
            {
                if (budget is not null)
                {
                    budget.TimedOut++;
                }

                return false;
            }
        }

        if (!m.Success)
        {
            return false;
        }

        if (_slots.Length > 0)
        {
            var captured = new Dictionary<string, string>(_slots.Length, StringComparer.Ordinal);
            for (var i = 0; i < _slots.Length; i++)
            {
                // Trimmed as a span: one string for the value rather than one per trim.
                captured.TryAdd(_slots[i], m.Groups[groups[i]].ValueSpan.Trim().TrimEnd('.').Trim("\"' ").ToString());
            }

            values = captured;
        }

        return true;
    }

    /// <summary>The subject name of each placeholder, in the order the template holds them.</summary>
    internal IReadOnlyList<string> Slots => _slots;

    /// <summary>Whether the pattern's regex exists yet: it is built on the pattern's first run.</summary>
    internal bool IsBuilt => Volatile.Read(ref _built) is not null;

    /// <summary>Whether the pattern now runs compiled (once <see cref="Compiling"/> has completed).</summary>
    internal bool IsCompiled => (Volatile.Read(ref _built)?.Regex.Options & RegexOptions.Compiled) == RegexOptions.Compiled;

    /// <summary>
    /// The compile to IL, started by the run that reached <see cref="CompileAfter"/>; <c>null</c> before. When it
    /// completes, the compiled regex is in use.
    /// </summary>
    internal Task? Compiling => Volatile.Read(ref _compiling);

    // The regex is built on the pattern's first run, not at load: most templates are never tried in a process
    // (a message names its code, or holds none of a template's required text), and building dozens of regexes
    // was a tenth of loading the catalog. Two threads may race to build it; both build the same, either is kept.
    // The compiled regex has the same pattern, options and timeout, so it matches exactly what the interpreted one
    // did. It is built on the thread pool: building takes milliseconds (3-25 ms measured, the first one paying for
    // the regex compiler's own JIT), a pause the call that happened to cross the threshold, perhaps a request in a
    // service, should not take. Every caller keeps the interpreted regex until the compiled one is published. Where
    // IL cannot be emitted (Native AOT), RegexOptions.Compiled is ignored and the regex is interpreted as before.
    private Built Current()
    {
        var built = Volatile.Read(ref _built);
        if (built is null)
        {
            built = new Built(new Regex(_pattern, Options, BacktrackingTimeout), _pattern, _slots.Length);
            built = Interlocked.CompareExchange(ref _built, built, null) ?? built;
        }

        if (_runs <= CompileAfter && Interlocked.Increment(ref _runs) == CompileAfter)
        {
            Volatile.Write(ref _compiling, Task.Run(() => Volatile.Write(ref _built, new Built(new Regex(_pattern, Options | RegexOptions.Compiled, BacktrackingTimeout), _pattern, _slots.Length))));
        }

        return built;
    }

    /// <summary>A built regex with the group number of each slot (slot i is the capture p{i}), looked up once.</summary>
    private sealed class Built
    {
        private readonly string _pattern;
        private Built? _linear;

        public Built(Regex regex, string pattern, int slots)
        {
            Regex = regex;
            _pattern = pattern;
            Groups = new int[slots];
            for (var i = 0; i < slots; i++)
            {
                Groups[i] = regex.GroupNumberFromName("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        public Regex Regex { get; }

        public int[] Groups { get; }

        /// <summary>The same pattern on the non-backtracking engine, built the first time a text needs it.</summary>
        public Built Linear
        {
            get
            {
                var linear = Volatile.Read(ref _linear);
                if (linear is null)
                {
                    linear = new Built(new Regex(_pattern, (Regex.Options & ~RegexOptions.Compiled) | RegexOptions.NonBacktracking, MatchTimeout), _pattern, Groups.Length);
                    linear = Interlocked.CompareExchange(ref _linear, linear, null) ?? linear;
                }

                return linear;
            }
        }
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static string Literal(string text)
    {
        var pattern = new StringBuilder();
        foreach (var c in text)
        {
            pattern.Append(c switch
            {
                ' ' => "\\s+",
                '\'' => "['\u2018\u2019]",
                '"' => "[\"\u201C\u201D]",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return pattern.ToString();
    }

    [GeneratedRegex(@"^(?:ExpensiError\s+)?INT\d{3}(?:\s+(?:Sync|Export|Authentication|Connection)\s+Error)?\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CodePrefix();
}
