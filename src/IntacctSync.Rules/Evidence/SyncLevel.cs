namespace IntacctSync.Rules.Evidence;

/// <summary>The level at which the integration (or a Smart Rule) works in a multi-entity company.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="SyncLevel.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum SyncLevel
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>The top level of the company.</summary>
    TopLevel,

    /// <summary>One entity.</summary>
    Entity,
}
