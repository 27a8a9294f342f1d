namespace IntacctSync.Rules.Evidence;

/// <summary>An expense on the report.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class Expense
{
    /// <summary>The expense id.</summary>
    public string? Id { get; init; }

    /// <summary>The 1-based line of the Intacct transaction.</summary>
    public int? Line { get; init; }

    /// <summary>The amount.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The currency.</summary>
    public string? Currency { get; init; }

    /// <summary>The category; empty means uncategorized.</summary>
    public string? Category { get; init; }

    /// <summary>Whether it is billable.</summary>
    public bool? Billable { get; init; }

    /// <summary>Whether it is reimbursable (picks the export route).</summary>
    public bool? Reimbursable { get; init; }

    /// <summary>The tax rate.</summary>
    public string? TaxRate { get; init; }

    /// <summary>The expense date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The project id.</summary>
    public string? Project { get; init; }

    /// <summary>The customer id.</summary>
    public string? Customer { get; init; }

    /// <summary>The dimension values the line carries, by dimension id; a missing key means untagged.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Whether it is a card transaction.</summary>
    public bool? CardTransaction { get; init; }
}
