namespace IntacctSync.Rules.Diagnoses;

/// <summary>A cause of an error code, with the facts that establish or exclude it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DiagnosedCause
{
    /// <summary>Creates a cause.</summary>
    /// <param name="id">The cause's id within its rule, such as <c>udd-inactive</c>.</param>
    /// <param name="summary">What the cause is, with the evidence's names filled in.</param>
    /// <param name="facts">The facts cited, as <c>path = value</c>.</param>
    public DiagnosedCause(string id, string summary, IReadOnlyList<string> facts)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(summary);
        ArgumentNullException.ThrowIfNull(facts);
        Id = id;
        Summary = summary;
        Facts = facts;
    }

    /// <summary>The cause's id within its rule, such as <c>udd-inactive</c>.</summary>
    public string Id { get; }

    /// <summary>What the cause is, with the evidence's names filled in.</summary>
    public string Summary { get; }

    /// <summary>
    /// The facts cited, as <c>path = value</c> with key selectors rather than indexes:
    /// <c>intacct.dimensions[REGION].active = false</c>. Empty for a cause that is merely possible.
    /// </summary>
    public IReadOnlyList<string> Facts { get; }
}
