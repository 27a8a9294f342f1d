namespace IntacctSync.Rules.Evidence;

/// <summary>A vendor record.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class Vendor
{
    /// <summary>The vendor id.</summary>
    public string? Id { get; init; }

    /// <summary>The email, compared exactly.</summary>
    public string? Email { get; init; }

    /// <summary>Whether the record is active.</summary>
    public bool? Active { get; init; }

    /// <summary>Whether the vendor is on hold.</summary>
    public bool? OnHold { get; init; }
}
