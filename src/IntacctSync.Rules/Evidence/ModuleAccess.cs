namespace IntacctSync.Rules.Evidence;

/// <summary>A module right level; the levels are ordered None &lt; ReadOnly &lt; All.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="ModuleAccess.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum ModuleAccess
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>No access to the module.</summary>
    None,

    /// <summary>Read-only access.</summary>
    ReadOnly,

    /// <summary>Full access.</summary>
    All,
}
