namespace IntacctSync.Rules.Evidence;

/// <summary>Which Sage Intacct API answered.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="IntacctApi.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum IntacctApi
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>The XML gateway.</summary>
    Xml,

    /// <summary>The REST API.</summary>
    Rest,
}
