namespace IntacctSync.Rules.Evidence;

/// <summary>The Time &amp; Expenses configuration.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class TimeAndExpensesSettings
{
    /// <summary>Whether the company subscribes to Time &amp; Expenses.</summary>
    public bool? Subscribed { get; init; }

    /// <summary>Whether expense report approval is on.</summary>
    public bool? ExpenseReportApproval { get; init; }

    /// <summary>Whether the first approver has an active user.</summary>
    public bool? FirstApproverHasUser { get; init; }

    /// <summary>Whether expense types are enabled.</summary>
    public bool? ExpenseTypesEnabled { get; init; }

    /// <summary>How many expense types exist.</summary>
    public int? ExpenseTypeCount { get; init; }

    /// <summary>Whether a reason for expense is required.</summary>
    public bool? ReasonForExpenseRequired { get; init; }
}
