namespace IntacctSync.Rules.Evidence;

/// <summary>A dimension in Sage Intacct.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class IntacctDimension
{
    /// <summary>The object or integration name, such as <c>REGION</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The name people see, such as <c>Region</c>.</summary>
    public string? Label { get; init; }

    /// <summary>Whether it is a user-defined dimension.</summary>
    public bool? UserDefined { get; init; }

    /// <summary>Whether the object is defined.</summary>
    public bool? Exists { get; init; }

    /// <summary>Whether it is active.</summary>
    public bool? Active { get; init; }

    /// <summary>Whether it is set up completely.</summary>
    public bool? Configured { get; init; }

    /// <summary>How many values the last read returned.</summary>
    public int? ValuesReturned { get; init; }

    /// <summary>The dimension's values, where they were read.</summary>
    public IReadOnlyList<DimensionValue>? Values { get; init; }
}
