namespace IntacctSync.Rules.Evidence;

/// <summary>How the job ended.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="SyncOutcome.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum SyncOutcome
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>The job failed.</summary>
    Failed,

    /// <summary>The job succeeded.</summary>
    Succeeded,
}
