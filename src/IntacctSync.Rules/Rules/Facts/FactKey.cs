using System.Text;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// The text of a key selector (<c>[...]</c> in a fact path) and its escapes. A key is evidence (a category named
/// <c>Meals, team [EU]</c>, a dimension id <c>a=b</c>), so the characters that are syntax inside a selector are
/// written with a backslash before them: <c>\\</c>, <c>\]</c>, <c>\,</c>, <c>\=</c>, a leading <c>\#</c> (a position
/// is <c>#3</c>) and a leading or trailing space (<c>\ </c>; selectors are read trimmed). Every other character stands
/// for itself, so a path whose keys need no escape reads as before.
/// </summary>
internal static class FactKey
{
    /// <summary>The placeholders whose value is a whole selector (<c>object=VENDOR2</c>, <c>#3</c>), already escaped by their producer.</summary>
    public static bool IsSelectorSlot(string name) =>
        Subjects.EvidenceFacts.DimensionApiErrorSlots.Contains(name) || Subjects.EvidenceFacts.ApiErrorKinds.Contains(name)
        || Subjects.EvidenceFacts.IsDenialErrorSlot(name);

    /// <summary>A value written so that a selector reads it back whole, as a bare key or after <c>field=</c>.</summary>
    public static string Escape(string value)
    {
        if (!NeedsEscape(value))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsSyntax(c) || (i == 0 && c == '#') || (char.IsWhiteSpace(c) && (i == 0 || i == value.Length - 1)))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static bool NeedsEscape(string value) =>
        value.Length > 0
        && (value.AsSpan().IndexOfAny('\\', ']', ',') >= 0
            || value.Contains('=', StringComparison.Ordinal)
            || value[0] == '#'
            || char.IsWhiteSpace(value[0])
            || char.IsWhiteSpace(value[^1]));

    private static bool IsSyntax(char c) => c is '\\' or ']' or ',' or '=';

    /// <summary>The placeholder values as a key holds them: <paramref name="slot"/>'s, each as <see cref="Key"/> writes it.</summary>
    public static Func<string, string> Escaping(Func<string, string> slot) => name => Key(name, slot(name));

    /// <summary>
    /// A placeholder's value as a fact path's key holds it: escaped, but for the selector placeholders and for the report's
    /// stand-ins for a value the evidence does not give (<c>[expense]</c>, <c>[dimension]</c>: a lower-case word in
    /// brackets), which name no key.
    /// </summary>
    public static string Key(string name, string value) => IsSelectorSlot(name) || IsStandIn(value) ? value : Escape(value);

    private static bool IsStandIn(string value) =>
        value.Length > 2 && value[0] == '[' && value[^1] == ']' && !value.AsSpan(1, value.Length - 2).ContainsAnyExceptInRange('a', 'z');

    /// <summary>
    /// The selector whose <c>[</c> stands at <paramref name="open"/> in a path or fact: the text up to the first <c>]</c> that
    /// no backslash escapes, escapes kept; <c>null</c> when there is no <c>[</c> there or it is never closed.
    /// </summary>
    public static string? SelectorAt(string text, int open)
    {
        if (open >= text.Length || text[open] != '[')
        {
            return null;
        }

        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ']')
            {
                return text[(open + 1)..i];
            }
        }

        return null;
    }

    /// <summary>Whether the selector holds an escape; a selector without one is read as it stands.</summary>
    public static bool HasEscape(string selector) => selector.Contains('\\', StringComparison.Ordinal);

    /// <summary>
    /// The conditions of an escaped selector: parts split at unescaped commas, each a bare key (no field) or
    /// <c>field=value</c> split at the first unescaped <c>=</c>, escapes removed and unescaped spaces trimmed at each end.
    /// </summary>
    public static List<(string? Field, string Value)> Parts(string selector)
    {
        var parts = new List<(string?, string)>();
        var piece = new Piece();
        string? field = null;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c == '\\' && i + 1 < selector.Length)
            {
                piece.Add(selector[++i], escaped: true);
            }
            else if (c == ',')
            {
                parts.Add((field, piece.Take()));
                field = null;
            }
            else if (c == '=' && field is null)
            {
                field = piece.Take();
            }
            else
            {
                piece.Add(c, escaped: false);
            }
        }

        parts.Add((field, piece.Take()));
        return parts;
    }

    /// <summary>A map key: escapes removed and unescaped spaces trimmed; never split (a comma or equals sign is part of it).</summary>
    public static string Unescape(string selector)
    {
        var piece = new Piece();
        for (var i = 0; i < selector.Length; i++)
        {
            if (selector[i] == '\\' && i + 1 < selector.Length)
            {
                piece.Add(selector[++i], escaped: true);
            }
            else
            {
                piece.Add(selector[i], escaped: false);
            }
        }

        return piece.Take();
    }

    /// <summary>A piece of selector text, trimmed of the spaces that were not escaped at either end.</summary>
    private sealed class Piece
    {
        private readonly StringBuilder _text = new();
        private int _firstKept = -1;
        private int _lastKept = -1;

        public void Add(char c, bool escaped)
        {
            _text.Append(c);
            if (escaped || !char.IsWhiteSpace(c))
            {
                if (_firstKept < 0)
                {
                    _firstKept = _text.Length - 1;
                }

                _lastKept = _text.Length - 1;
            }
        }

        public string Take()
        {
            var value = _firstKept < 0 ? string.Empty : _text.ToString(_firstKept, _lastKept - _firstKept + 1);
            _text.Clear();
            _firstKept = _lastKept = -1;
            return value;
        }
    }
}
