namespace IntacctSync.Rules.Evidence;

/// <summary>The state of the accounting periods.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class AccountingPeriods
{
    /// <summary>The last closed day of the ledgers the export posts to.</summary>
    public DateOnly? ClosedThrough { get; init; }

    /// <summary>Whether the Cash Management subledger is open.</summary>
    public bool? CashManagementOpen { get; init; }

    /// <summary>Whether the reporting period holding the export date is closed.</summary>
    public bool? ReportingPeriodClosed { get; init; }
}
