namespace IntacctSync.Rules.Evidence;

/// <summary>A value of a dimension.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class DimensionValue
{
    /// <summary>The value's id.</summary>
    public string? Id { get; init; }

    /// <summary>The value's name.</summary>
    public string? Name { get; init; }

    /// <summary>Whether it is active.</summary>
    public bool? Active { get; init; }
}
