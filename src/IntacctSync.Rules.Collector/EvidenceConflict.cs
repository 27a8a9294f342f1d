namespace IntacctSync.Rules.Collector;

/// <summary>A fact the host's evidence and the collected evidence both state, differently. The host's value was kept.</summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class EvidenceConflict
{
    internal EvidenceConflict(string path, string? hostValue, string? collectedValue)
    {
        Path = path;
        HostValue = hostValue;
        CollectedValue = collectedValue;
    }

    /// <summary>Where, as a fact path: <c>intacct.dimensions[COSTCENTER].active</c>.</summary>
    public string Path { get; }

    /// <summary>The host's value as JSON, or <c>null</c> when only the collection lists the entry.</summary>
    public string? HostValue { get; }

    /// <summary>The collected value as JSON, or <c>null</c> when only the host lists the entry.</summary>
    public string? CollectedValue { get; }

    /// <summary>One line for people.</summary>
    /// <returns><c>PATH: host says X, Sage Intacct says Y (the host's value is kept)</c>.</returns>
    public override string ToString() => (HostValue, CollectedValue) switch
    {
        (null, _) => $"{Path}: only Sage Intacct lists it ({CollectedValue}); it is added to the host's list",
        (_, null) => $"{Path}: only the host lists it; Sage Intacct's list lacks it (the host's entry is kept)",
        _ => $"{Path}: the host says {HostValue}, Sage Intacct says {CollectedValue} (the host's value is kept)",
    };
}
