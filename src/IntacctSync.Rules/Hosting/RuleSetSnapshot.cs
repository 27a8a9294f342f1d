using IntacctSync.Rules.Classification;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Hosting;

/// <summary>One loaded, valid rule set, numbered by generation; it classifies with exactly these rules.</summary>
/// <remarks>
/// Immutable and thread-safe. A reload never changes a snapshot: it publishes a new one with the next
/// generation, so a caller holding a snapshot keeps classifying with the same rules.
/// </remarks>
public sealed class RuleSetSnapshot : ISyncErrorClassifier
{
    private readonly RuleBasedClassifier _classifier;

    internal RuleSetSnapshot(RuleSet rules, long generation, TimeProvider time, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        Rules = rules;
        Generation = generation;
        _classifier = new RuleBasedClassifier(rules, time, logger);
    }

    /// <summary>1 for the set loaded when the classifier was built, one more for each set a reload put in force.</summary>
    public long Generation { get; }

    /// <summary>How many rules (error codes, fallback included) the set holds.</summary>
    public int RuleCount => Rules.Rules.Count;

    internal RuleSet Rules { get; }

    /// <inheritdoc />
    public DiagnosisReport Classify(SyncEvidence evidence) => _classifier.Classify(evidence);
}
