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
    }

    public string Source { get; }

    public IEnumerable<string> SlotNames => _parts.Where(p => p.IsSlot).Select(p => p.Text);

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

            parts.Add((m.Groups[1].Value, true));
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
        if (_parts.Length == 1 && !_parts[0].IsSlot)
        {
            return _parts[0].Text;
        }

        var text = new StringBuilder();
        foreach (var (part, isSlot) in _parts)
        {
            text.Append(isSlot ? slot(part) : part);
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Slot();
}
