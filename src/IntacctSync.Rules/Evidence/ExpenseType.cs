namespace IntacctSync.Rules.Evidence;

/// <summary>An expense type.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class ExpenseType
{
    /// <summary>The expense type id.</summary>
    public string? Id { get; init; }

    /// <summary>Whether it is active.</summary>
    public bool? Active { get; init; }

    /// <summary>Whether it accepts billable postings.</summary>
    public bool? Billable { get; init; }

    /// <summary>The account it posts to.</summary>
    public string? AccountNumber { get; init; }
}
