namespace IntacctSync.Rules.Evidence;

/// <summary>A general ledger account.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class GlAccount
{
    /// <summary>The account number.</summary>
    public string? Number { get; init; }

    /// <summary>Whether it is active.</summary>
    public bool? Active { get; init; }

    /// <summary>The dimensions a posting to it requires.</summary>
    public IReadOnlyList<string>? RequiredDimensions { get; init; }

    /// <summary>Whether it accepts billable postings.</summary>
    public bool? Billable { get; init; }

    /// <summary>Whether postings to it are restricted.</summary>
    public bool? Restricted { get; init; }

    /// <summary>The credit card linked to it.</summary>
    public string? CreditCardId { get; init; }
}
