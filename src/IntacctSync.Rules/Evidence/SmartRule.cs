namespace IntacctSync.Rules.Evidence;

/// <summary>A Smart Rule.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class SmartRule
{
    /// <summary>The rule id.</summary>
    public string? Id { get; init; }

    /// <summary>The level it is defined at.</summary>
    public SyncLevel? Level { get; init; }

    /// <summary>The entity it is defined in.</summary>
    public string? EntityId { get; init; }
}
