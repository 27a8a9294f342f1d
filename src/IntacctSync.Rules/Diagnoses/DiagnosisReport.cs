namespace IntacctSync.Rules.Diagnoses;

/// <summary>What the classifier concluded from one evidence document.</summary>
/// <remarks>Immutable and thread-safe. Write it as the contract's JSON with <see cref="DiagnosisReportJson"/>.</remarks>
public sealed class DiagnosisReport
{
    /// <summary>A report as the classifier writes it; public so that a host's test double can return one.</summary>
    /// <param name="diagnoses">The diagnoses, best first.</param>
    /// <param name="unexplained">The messages and API errors no diagnosis explains.</param>
    /// <param name="faults">The rules that failed for a subject, if any.</param>
    /// <param name="incomplete">Why the report does not cover the whole document, if it does not.</param>
    public DiagnosisReport(IReadOnlyList<Diagnosis> diagnoses, IReadOnlyList<string> unexplained, IReadOnlyList<RuleFault>? faults = null, IReadOnlyList<string>? incomplete = null)
    {
        ArgumentNullException.ThrowIfNull(diagnoses);
        ArgumentNullException.ThrowIfNull(unexplained);
        Diagnoses = diagnoses;
        Unexplained = unexplained;
        Faults = faults ?? [];
        Incomplete = incomplete ?? [];
    }

    /// <summary>The version of the report format.</summary>
    public int SchemaVersion { get; } = 1;

    /// <summary>The diagnoses, best first; empty only when the evidence shows no failure.</summary>
    public IReadOnlyList<Diagnosis> Diagnoses { get; }

    /// <summary>Messages no rule explained, verbatim, and API errors as <c>errorNo: description description2 correction</c>.</summary>
    public IReadOnlyList<string> Unexplained { get; }

    /// <summary>
    /// The rules that failed for a subject, whose findings for it are therefore missing; empty when every rule ran
    /// (the JSON then has no <c>faults</c>).
    /// </summary>
    public IReadOnlyList<RuleFault> Faults { get; }

    /// <summary>
    /// What the classifier did not finish reading, one sentence each (message recognition cut short by its time
    /// budget); empty when it read everything (the JSON then has no <c>incomplete</c>). What was not read is never
    /// dropped: an unrecognized message or API error is listed in <see cref="Unexplained"/>.
    /// </summary>
    public IReadOnlyList<string> Incomplete { get; }
}
