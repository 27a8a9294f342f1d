using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Collector;

/// <summary>What one collection reads, beside what it always reads (sign-in, dimensions, the Web Services user).</summary>
/// <remarks>Not thread-safe while being set; treat it as read-only once passed to <see cref="IIntacctEvidenceCollector.CollectAsync"/>.</remarks>
public sealed class CollectOptions
{
    /// <summary>The entity to sign in to (the login's location id); <c>null</c> (the default) signs in at the top level.</summary>
    public string? EntityId { get; set; }

    /// <summary>
    /// Dimension object names to probe even when the company's dimension list lacks them, such as the ids of the
    /// workspace's coding dimensions; empty by default. A name Sage Intacct does not know comes back as the API
    /// error "Object definition X not found", which the rules read.
    /// </summary>
    public IList<string> DimensionIds { get; } = [];

    /// <summary>
    /// The report being exported, whose submitter's employee and vendor records (by email) and projects are then
    /// read; <c>null</c> (the default) reads none.
    /// </summary>
    public Report? Report { get; set; }

    /// <summary>General ledger account numbers to read (number, active), such as the accounts of the report's categories; empty by default.</summary>
    public IList<string> AccountNumbers { get; } = [];

    /// <summary>Told of each probe as it ends (the CLI's progress lines); <c>null</c> by default.</summary>
    public IProgress<ProbeProgress>? Progress { get; set; }
}
