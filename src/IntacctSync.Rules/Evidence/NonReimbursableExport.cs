namespace IntacctSync.Rules.Evidence;

/// <summary>How non-reimbursable expenses are exported.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="NonReimbursableExport.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum NonReimbursableExport
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>As credit card charges.</summary>
    CreditCard,

    /// <summary>As vendor bills.</summary>
    VendorBill,

    /// <summary>As expense reports.</summary>
    ExpenseReport,
}
