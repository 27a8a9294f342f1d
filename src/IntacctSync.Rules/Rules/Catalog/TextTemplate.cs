using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace IntacctSync.Rules.Rules;

/// <summary>A rule text with <c>{name}</c> slots, split once at load so that filling it is a single pass.</summary>
internal sealed partial class TextTemplate
{
    private readonly (string Text, bool IsSlot)[] _parts;

    private TextTemplate(string source, (string Text, bool IsSlot)[] parts)
    {
        Source = source;
        _parts = parts;
        SlotNames = [.. parts.Where(p => p.IsSlot).Select(p => p.Text)];
    }

    public string Source { get; }

    /// <summary>The placeholders' names, in the order the text holds them (a name used twice is listed twice).</summary>
    public ImmutableArray<string> SlotNames { get; }

    public static TextTemplate Parse(string text)
    {
        var parts = new List<(string, bool)>();
        var last = 0;
        foreach (Match m in Slot().Matches(text))
        {
            if (m.Index > last)
            {
                parts.Add((text[last..m.Index], false));
            }

            // Interned: a finding's values are looked up by name, and the names of all its templates are then one string each.
            parts.Add((string.Intern(m.Groups[1].Value), true));
            last = m.Index + m.Length;
        }

        if (last < text.Length)
        {
            parts.Add((text[last..], false));
        }

        return new TextTemplate(text, [.. parts]);
    }

    public string Render(Func<string, string> slot)
    {
        switch (_parts.Length)
        {
            case 0:
                return string.Empty;
            case 1:
                return _parts[0].IsSlot ? slot(_parts[0].Text) : _parts[0].Text;
            case 2:
                return string.Concat(Part(0, slot), Part(1, slot));
            case 3:
                return string.Concat(Part(0, slot), Part(1, slot), Part(2, slot));
        }

        // Taken, not borrowed: a slot that renders a template of its own gets a builder of its own.
        var text = _builder ?? new StringBuilder(256);
        _builder = null;
        foreach (var (part, isSlot) in _parts)
        {
            text.Append(isSlot ? slot(part) : part);
        }

        var rendered = text.ToString();
        text.Clear();
        _builder = text;
        return rendered;
    }

    private string Part(int i, Func<string, string> slot) => _parts[i].IsSlot ? slot(_parts[i].Text) : _parts[i].Text;

    [ThreadStatic]
    private static StringBuilder? _builder;

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Slot();
}
