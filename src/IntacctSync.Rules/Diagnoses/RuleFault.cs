namespace IntacctSync.Rules.Diagnoses;

/// <summary>
/// A rule that failed while it was evaluated for one subject (a custom rule reading past the end of a text,
/// say): that rule's finding for that subject is missing from the report, and the rest of the report stands.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleFault
{
    /// <summary>Creates an entry.</summary>
    /// <param name="rule">The rule file or source that failed, as a diagnosis names it in <c>rule</c>.</param>
    /// <param name="subject">What the rule was evaluated for: <c>dimension REGION</c>, <c>expense E1</c>, <c>document</c>.</param>
    /// <param name="error">What went wrong, on one line.</param>
    public RuleFault(string rule, string subject, string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(rule);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentException.ThrowIfNullOrEmpty(error);
        Rule = rule;
        Subject = subject;
        Error = error;
    }

    /// <summary>The rule file or source that failed.</summary>
    public string Rule { get; }

    /// <summary>What the rule was evaluated for.</summary>
    public string Subject { get; }

    /// <summary>What went wrong, on one line.</summary>
    public string Error { get; }
}
