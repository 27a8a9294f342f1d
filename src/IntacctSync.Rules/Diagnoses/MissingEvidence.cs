namespace IntacctSync.Rules.Diagnoses;

/// <summary>Evidence to collect to confirm or exclude a cause that is still open.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MissingEvidence
{
    /// <summary>Creates an entry.</summary>
    /// <param name="field">The evidence field to collect, with key selectors: <c>intacct.dimensions[REGION].active</c>.</param>
    /// <param name="why">What it would settle.</param>
    public MissingEvidence(string field, string why)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentException.ThrowIfNullOrEmpty(why);
        Field = field;
        Why = why;
    }

    /// <summary>The evidence field to collect, with key selectors.</summary>
    public string Field { get; }

    /// <summary>What it would settle.</summary>
    public string Why { get; }
}
