namespace IntacctSync.Rules.Evidence;

/// <summary>The workspace's export settings.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class ExportSettings
{
    /// <summary>How reimbursable expenses are exported.</summary>
    public ReimbursableExport? Reimbursable { get; init; }

    /// <summary>How non-reimbursable expenses are exported.</summary>
    public NonReimbursableExport? NonReimbursable { get; init; }

    /// <summary>Which date exports post on.</summary>
    public ExportDateSource? ExportDate { get; init; }

    /// <summary>The entity exports go to.</summary>
    public string? EntityId { get; init; }

    /// <summary>The default vendor.</summary>
    public string? DefaultVendor { get; init; }

    /// <summary>The credit card non-reimbursable expenses go to.</summary>
    public string? CreditCardId { get; init; }
}
