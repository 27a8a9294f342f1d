namespace IntacctSync.Rules.Diagnoses;

/// <summary>What the classifier concluded from one evidence document.</summary>
/// <remarks>Immutable and thread-safe. Write it as the contract's JSON with <see cref="DiagnosisReportJson"/>.</remarks>
public sealed class DiagnosisReport
{
    internal DiagnosisReport(IReadOnlyList<Diagnosis> diagnoses, IReadOnlyList<string> unexplained)
    {
        Diagnoses = diagnoses;
        Unexplained = unexplained;
    }

    /// <summary>The version of the report format.</summary>
    public int SchemaVersion { get; } = 1;

    /// <summary>The diagnoses, best first; empty only when the evidence shows no failure.</summary>
    public IReadOnlyList<Diagnosis> Diagnoses { get; }

    /// <summary>Messages no rule explained, verbatim, and API errors as <c>errorNo: description description2 correction</c>.</summary>
    public IReadOnlyList<string> Unexplained { get; }
}
