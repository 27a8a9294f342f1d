using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules;

/// <summary>
/// Turns sync evidence into a diagnosis report: which documented Sage Intacct error it is, the causes
/// the evidence establishes or rules out, the evidence still missing, and an ordered remediation plan.
/// </summary>
/// <remarks>
/// Implementations are thread-safe: one instance serves every caller. Rules are compiled once, when
/// the classifier is built. "Nothing matched" is an empty report, never an exception.
/// </remarks>
public interface ISyncErrorClassifier
{
    /// <summary>Classifies one evidence document.</summary>
    /// <param name="evidence">What the integration observed.</param>
    /// <returns>The report; its diagnoses are best first and empty only when the evidence shows no failure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> is <c>null</c>.</exception>
    DiagnosisReport Classify(SyncEvidence evidence);
}
