namespace IntacctSync.Rules.Evidence;

/// <summary>A workspace tax rate.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class TaxRate
{
    /// <summary>The tax rate name.</summary>
    public string? Name { get; init; }

    /// <summary>Whether it was imported.</summary>
    public bool? Imported { get; init; }
}
