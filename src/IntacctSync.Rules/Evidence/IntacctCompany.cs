namespace IntacctSync.Rules.Evidence;

/// <summary>What the Sage Intacct company looks like (the <c>intacct</c> object).</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class IntacctCompany
{
    /// <summary>The dimensions, standard and user-defined.</summary>
    public IReadOnlyList<IntacctDimension>? Dimensions { get; init; }

    /// <summary>The Time &amp; Expenses configuration.</summary>
    public TimeAndExpensesSettings? TimeAndExpenses { get; init; }

    /// <summary>Whether Location is required.</summary>
    public bool? LocationRequired { get; init; }

    /// <summary>The employee records.</summary>
    public IReadOnlyList<Employee>? Employees { get; init; }

    /// <summary>The vendor records.</summary>
    public IReadOnlyList<Vendor>? Vendors { get; init; }

    /// <summary>The general ledger accounts.</summary>
    public IReadOnlyList<GlAccount>? Accounts { get; init; }

    /// <summary>The expense types.</summary>
    public IReadOnlyList<ExpenseType>? ExpenseTypes { get; init; }

    /// <summary>The projects.</summary>
    public IReadOnlyList<Project>? Projects { get; init; }

    /// <summary>The credit card accounts.</summary>
    public IReadOnlyList<CreditCard>? CreditCards { get; init; }

    /// <summary>The state of the accounting periods.</summary>
    public AccountingPeriods? Periods { get; init; }

    /// <summary>The Smart Rules.</summary>
    public IReadOnlyList<SmartRule>? SmartRules { get; init; }
}
