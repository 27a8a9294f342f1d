namespace IntacctSync.Rules.Evidence;

/// <summary>The XML response level that failed (REST errors are at the result level).</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="ApiErrorLevel.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum ApiErrorLevel
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>The control block: sender credentials.</summary>
    Control,

    /// <summary>The authentication block: company user credentials.</summary>
    Authentication,

    /// <summary>A function's result.</summary>
    Result,
}
