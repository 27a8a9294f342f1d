using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Classification;

/// <summary>
/// One finding's placeholder values, each worked out once, as written and as a fact path's key holds it: a finding's
/// summaries, steps and fact paths fill the same few placeholders (<c>{dimension}</c>, <c>{dimensionKey}</c>) dozens of
/// times, and each time used to ask the subject kind again and escape the value again.
/// </summary>
/// <remarks>Belongs to one finding of one report (one thread); a handful of names each, so a list beats hashing.</remarks>
internal sealed class FindingSlots
{
    private readonly Finding _finding;
    private readonly EvidenceFacts _facts;
    private readonly List<(string Name, string Value, string? Key)> _values = new(4);
    private readonly List<VerdictAtom> _atoms = new(4);

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
    /// The fact at <paramref name="path"/> as <c>path = value</c>: <c>null</c> when the evidence does not hold it, or when a
    /// placeholder of the path has no value for the finding (<see cref="ReportBuilder.Filled"/>).
    /// </summary>
    /// <param name="path">The fact's path.</param>
    /// <param name="listedOnly">Whether a key its list does not hold gives <c>null</c> rather than <c>path = not listed</c>.</param>
    public string? Cite(FactPath path, bool listedOnly = false) =>
        ReportBuilder.Filled(path, Value) ? path.CiteKeys(_facts, Key, listedOnly) : null;

    /// <summary>A list for the atoms of a condition, empty, for one use at a time (the report's writing is not reentrant).</summary>
    public List<VerdictAtom> Atoms()
    {
        _atoms.Clear();
        return _atoms;
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
