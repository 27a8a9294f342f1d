namespace IntacctSync.Rules.Evidence;

/// <summary>The report being exported.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class Report
{
    /// <summary>The report id.</summary>
    public string? Id { get; init; }

    /// <summary>The report owner's login.</summary>
    public string? SubmitterEmail { get; init; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The date the export posts on.</summary>
    public DateOnly? ExportDate { get; init; }

    /// <summary>The expenses.</summary>
    public IReadOnlyList<Expense>? Expenses { get; init; }
}
