namespace IntacctSync.Rules.Evidence;

/// <summary>One right on an Intacct object.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="ObjectRight.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum ObjectRight
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>May list records.</summary>
    List,

    /// <summary>May view records.</summary>
    View,

    /// <summary>May add records.</summary>
    Add,

    /// <summary>May edit records.</summary>
    Edit,

    /// <summary>May delete records.</summary>
    Delete,
}
