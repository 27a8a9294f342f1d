namespace IntacctSync.Rules.Diagnoses;

/// <summary>One documented error code that the evidence points to, why, and what to do.</summary>
/// <remarks>Immutable and thread-safe. Built by the classifier; see the contract's DIAGNOSIS.md.</remarks>
public sealed class Diagnosis
{
    /// <summary>A diagnosis as the classifier writes it; public so that a host's test double can return one.</summary>
    /// <param name="code">The error code, such as <c>INT402</c>.</param>
    /// <param name="kind">Which kind of error the code is.</param>
    /// <param name="title">The problem's short name.</param>
    /// <param name="message">The code's message with its placeholders filled.</param>
    /// <param name="subject">The placeholder values by the contract's names.</param>
    /// <param name="certainty">How far the evidence goes.</param>
    /// <param name="causes">The causes established (or, when none is, those still possible).</param>
    /// <param name="ruledOut">The causes the evidence excludes.</param>
    /// <param name="steps">The remediation plan, in order.</param>
    /// <param name="missingEvidence">What to collect next.</param>
    /// <param name="evidence">The messages and API errors the diagnosis rests on, as facts.</param>
    /// <param name="rule">The rule file or source behind it.</param>
    public Diagnosis(
        string code,
        ErrorKind kind,
        string title,
        string message,
        IReadOnlyDictionary<string, string> subject,
        Certainty certainty,
        IReadOnlyList<DiagnosedCause> causes,
        IReadOnlyList<DiagnosedCause> ruledOut,
        IReadOnlyList<RemediationStep> steps,
        IReadOnlyList<MissingEvidence> missingEvidence,
        IReadOnlyList<string> evidence,
        string rule)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(causes);
        ArgumentNullException.ThrowIfNull(ruledOut);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(missingEvidence);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(rule);
        Code = code;
        Kind = kind;
        Title = title;
        Message = message;
        Subject = subject;
        Certainty = certainty;
        Causes = causes;
        RuledOut = ruledOut;
        Steps = steps;
        MissingEvidence = missingEvidence;
        Evidence = evidence;
        Rule = rule;
    }

    /// <summary>The documented code, such as <c>INT402</c>, or <c>UNCLASSIFIED</c>.</summary>
    public string Code { get; }

    /// <summary>The code's category.</summary>
    public ErrorKind Kind { get; }

    /// <summary>A short name of the problem.</summary>
    public string Title { get; }

    /// <summary>The code's message with its placeholders filled from the evidence; an unfilled one keeps its token.</summary>
    public string Message { get; }

    /// <summary>The placeholder values by fixed name (<c>dimension</c>, <c>account</c>, ...): <c>{ "dimension": "Region" }</c>.</summary>
    public IReadOnlyDictionary<string, string> Subject { get; }

    /// <summary>How sure the diagnosis is.</summary>
    public Certainty Certainty { get; }

    /// <summary>The causes the evidence establishes, or, when none is, the causes that remain possible.</summary>
    public IReadOnlyList<DiagnosedCause> Causes { get; }

    /// <summary>The causes of this code that the evidence excludes.</summary>
    public IReadOnlyList<DiagnosedCause> RuledOut { get; }

    /// <summary>The remediation plan, in order.</summary>
    public IReadOnlyList<RemediationStep> Steps { get; }

    /// <summary>What to collect to confirm or exclude the remaining causes.</summary>
    public IReadOnlyList<MissingEvidence> MissingEvidence { get; }

    /// <summary>
    /// What points at the code besides the causes' facts: the messages of this code and the API errors
    /// about the subject, as facts (<c>messages[0] = "INT402 Sync Error: ..."</c>). A <c>likely</c>
    /// diagnosis always cites here what made it likely. (An addition to the version 1 contract.)
    /// </summary>
    public IReadOnlyList<string> Evidence { get; }

    /// <summary>The rule file that produced the diagnosis, such as <c>rules/sync/INT402.json</c>.</summary>
    public string Rule { get; }
}
