using IntacctSync.Rules.Diagnoses;

namespace IntacctSync.Rules.Rules;

/// <summary>What a loaded rule is about: its code, kind, causes and the file it came from.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleInfo
{
    internal RuleInfo(CompiledRule rule)
    {
        Code = rule.Code;
        Kind = rule.Kind;
        Title = rule.Title;
        Priority = rule.Priority;
        Source = rule.Source;
        Subject = rule.Subject.Name;
        Causes = rule.Causes.Select(c => c.Id).ToArray();
        MessageTemplate = rule.MessageTemplate;
    }

    /// <summary>The code, such as <c>INT402</c>.</summary>
    public string Code { get; }

    /// <summary>The code's category.</summary>
    public ErrorKind Kind { get; }

    /// <summary>A short name of the problem.</summary>
    public string Title { get; }

    /// <summary>The declared priority; lower ranks first among diagnoses of one certainty.</summary>
    public int Priority { get; }

    /// <summary>The rule file, such as <c>rules/sync/INT402.json</c>.</summary>
    public string Source { get; }

    /// <summary>What the rule is evaluated for: <c>document</c>, <c>dimension</c> or <c>expense</c>.</summary>
    public string Subject { get; }

    /// <summary>The ids of the rule's causes, in declared order.</summary>
    public IReadOnlyList<string> Causes { get; }

    /// <summary>The code's message template, where it has one.</summary>
    public string? MessageTemplate { get; }
}
