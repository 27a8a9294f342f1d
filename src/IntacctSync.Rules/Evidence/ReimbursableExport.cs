namespace IntacctSync.Rules.Evidence;

/// <summary>How reimbursable expenses are exported.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="ReimbursableExport.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum ReimbursableExport
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>As Intacct expense reports.</summary>
    ExpenseReport,

    /// <summary>As vendor bills.</summary>
    VendorBill,
}
