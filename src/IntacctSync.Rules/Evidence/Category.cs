namespace IntacctSync.Rules.Evidence;

/// <summary>A workspace category.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class Category
{
    /// <summary>The category name, matched exactly.</summary>
    public string? Name { get; init; }

    /// <summary>Whether it is active.</summary>
    public bool? Active { get; init; }

    /// <summary>Whether it came from the last sync.</summary>
    public bool? Synced { get; init; }

    /// <summary>The account it maps to.</summary>
    public string? AccountNumber { get; init; }

    /// <summary>The expense type it maps to.</summary>
    public string? ExpenseTypeId { get; init; }
}
