namespace IntacctSync.Rules.Evidence;

/// <summary>A project.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class Project
{
    /// <summary>The project id.</summary>
    public string? Id { get; init; }

    /// <summary>The customer it is linked to; empty means none.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Whether it is active.</summary>
    public bool? Active { get; init; }

    /// <summary>The employees that are its resources.</summary>
    public IReadOnlyList<string>? ResourceEmployeeIds { get; init; }
}
