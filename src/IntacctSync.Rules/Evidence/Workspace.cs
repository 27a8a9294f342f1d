namespace IntacctSync.Rules.Evidence;

/// <summary>The integration's own settings.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class Workspace
{
    /// <summary>The workspace name (fills <c>[Workspace]</c> in steps).</summary>
    public string? Name { get; init; }

    /// <summary>The coding (import) settings.</summary>
    public CodingSettings? Coding { get; init; }

    /// <summary>The export settings.</summary>
    public ExportSettings? Export { get; init; }

    /// <summary>The Expensify Card settings.</summary>
    public ExpensifyCardSettings? ExpensifyCard { get; init; }
}
