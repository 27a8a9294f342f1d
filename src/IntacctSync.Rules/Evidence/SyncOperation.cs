namespace IntacctSync.Rules.Evidence;

/// <summary>Which job the evidence is about.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="SyncOperation.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum SyncOperation
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>The integration's sync (import from Sage Intacct).</summary>
    Sync,

    /// <summary>The export of a report to Sage Intacct.</summary>
    Export,
}
