namespace IntacctSync.Rules.Evidence;

/// <summary>A credit card account.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class CreditCard
{
    /// <summary>The card id.</summary>
    public string? Id { get; init; }

    /// <summary>The expiration date.</summary>
    public DateOnly? ExpiresOn { get; init; }

    /// <summary>The linked account.</summary>
    public string? AccountNumber { get; init; }
}
