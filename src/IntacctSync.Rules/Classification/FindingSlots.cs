using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Classification;

/// <summary>
/// One finding's placeholder values and the facts its report cites, each worked out once: the causes of a rule
/// read the same facts (a dimension's <c>active</c> and <c>setupComplete</c> decide several of INT402's causes), and
/// its summaries, steps and fact paths fill the same few placeholders again and again.
/// </summary>
/// <remarks>Belongs to one finding of one report (one thread); a handful of entries each, so lists beat hashing.</remarks>
internal sealed class FindingSlots
{
    private readonly Finding _finding;
    private readonly EvidenceFacts _facts;
    private readonly List<(string Name, string Value, string? Key)> _values = new(4);
    private List<(FactPath Path, string? Fact)>? _cited;

    public FindingSlots(Finding finding, EvidenceFacts facts)
    {
        _finding = finding;
        _facts = facts;
        Value = Fill;
        Key = Escaped;
    }

    /// <summary>The placeholder's value for the finding; <c>[name]</c> for a subject value it lacks.</summary>
    public Func<string, string> Value { get; }

    /// <summary>The placeholder's value as a fact path's key holds it (<see cref="FactKey.Escaping"/>).</summary>
    public Func<string, string> Key { get; }

    /// <summary>
    /// The fact at <paramref name="path"/> as <c>path = value</c>, cited once per finding: <c>null</c> when the evidence does
    /// not hold it or when a placeholder of the path has no value for the finding (<see cref="ReportBuilder.Filled"/>).
    /// </summary>
    public string? Cite(FactPath path)
    {
        if (_cited is not null)
        {
            foreach (var (known, fact) in _cited)
            {
                if (ReferenceEquals(known, path))
                {
                    return fact;
                }
            }
        }

        var cited = ReportBuilder.Filled(path, Value) ? path.CiteKeys(_facts, Key) : null;
        (_cited ??= new(8)).Add((path, cited));
        return cited;
    }

    private string Fill(string name) => _values[IndexOf(name)].Value;

    private string Escaped(string name)
    {
        var i = IndexOf(name);
        var (_, value, key) = _values[i];
        if (key is null)
        {
            key = FactKey.Key(name, value);
            _values[i] = (name, value, key);
        }

        return key;
    }

    private int IndexOf(string name)
    {
        // Template names are interned (TextTemplate), so the reference test nearly always decides.
        for (var i = 0; i < _values.Count; i++)
        {
            var known = _values[i].Name;
            if (ReferenceEquals(known, name) || string.Equals(known, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        var filled = RuleCompiler.ContractSubjectNames.Contains(name) && !_finding.Rule.Subject.TemplateNames.Contains(name)
            ? _finding.Values.GetValueOrDefault(name) ?? $"[{name}]"
            : _finding.Rule.Subject.TemplateValue(_finding.Subject, _facts, name);
        _values.Add((name, filled, null));
        return _values.Count - 1;
    }
}
