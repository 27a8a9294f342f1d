namespace IntacctSync.Rules.Evidence;

/// <summary>An employee record.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class Employee
{
    /// <summary>The employee id.</summary>
    public string? Id { get; init; }

    /// <summary>The email, compared exactly.</summary>
    public string? Email { get; init; }

    /// <summary>The location; empty means none.</summary>
    public string? LocationId { get; init; }

    /// <summary>Whether the record is active.</summary>
    public bool? Active { get; init; }

    /// <summary>Whether the employee's manager has an active Intacct user.</summary>
    public bool? ManagerHasActiveUser { get; init; }
}
