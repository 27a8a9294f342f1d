namespace IntacctSync.Rules.Evidence;

/// <summary>The status of a failed result.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="ApiResultStatus.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum ApiResultStatus
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>The function failed.</summary>
    Failure,

    /// <summary>The function was rolled back because a sibling failed.</summary>
    Aborted,
}
