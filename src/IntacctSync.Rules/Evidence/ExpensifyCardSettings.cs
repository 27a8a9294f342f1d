namespace IntacctSync.Rules.Evidence;

/// <summary>The Expensify Card settings.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class ExpensifyCardSettings
{
    /// <summary>Whether the card is enabled.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Whether auto reconciliation is on.</summary>
    public bool? AutoReconciliation { get; init; }

    /// <summary>The cash journal; empty means not set.</summary>
    public string? CashJournal { get; init; }

    /// <summary>The accrual journal; empty means not set.</summary>
    public string? AccrualJournal { get; init; }
}
