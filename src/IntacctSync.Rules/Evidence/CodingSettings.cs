namespace IntacctSync.Rules.Evidence;

/// <summary>The workspace's coding (import) settings.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class CodingSettings
{
    /// <summary>The dimensions the workspace imports.</summary>
    public IReadOnlyList<CodingDimension>? Dimensions { get; init; }

    /// <summary>Whether billable is enabled.</summary>
    public bool? BillableEnabled { get; init; }

    /// <summary>Whether billable is mapped.</summary>
    public bool? BillableMapped { get; init; }

    /// <summary>Whether tax import is enabled.</summary>
    public bool? TaxImportEnabled { get; init; }

    /// <summary>The categories.</summary>
    public IReadOnlyList<Category>? Categories { get; init; }

    /// <summary>The tax rates.</summary>
    public IReadOnlyList<TaxRate>? TaxRates { get; init; }
}
