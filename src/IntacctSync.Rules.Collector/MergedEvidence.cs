using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Collector;

/// <summary>The host's evidence merged with the collected evidence, and where the two disagreed.</summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class MergedEvidence
{
    internal MergedEvidence(SyncEvidence evidence, IReadOnlyList<EvidenceConflict> conflicts)
    {
        Evidence = evidence;
        Conflicts = conflicts;
    }

    /// <summary>The merged evidence.</summary>
    public SyncEvidence Evidence { get; }

    /// <summary>The facts both stated differently, in document order; the host's value was kept for each.</summary>
    public IReadOnlyList<EvidenceConflict> Conflicts { get; }
}
