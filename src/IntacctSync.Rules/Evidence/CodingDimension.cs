namespace IntacctSync.Rules.Evidence;

/// <summary>A dimension entry in the workspace's coding settings.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class CodingDimension
{
    /// <summary>The integration name entered for it.</summary>
    public string? Id { get; init; }

    /// <summary>Whether it is enabled.</summary>
    public bool? Enabled { get; init; }

    /// <summary>How it is imported.</summary>
    public DimensionImport? ImportAs { get; init; }
}
