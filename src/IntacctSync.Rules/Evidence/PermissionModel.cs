namespace IntacctSync.Rules.Evidence;

/// <summary>How the Web Services user's rights are granted.</summary>
/// <remarks>JSON <c>null</c> reads as <see cref="PermissionModel.Unset"/> (observed unset); an absent field reads as a <c>null</c> property (unknown).</remarks>
public enum PermissionModel
{
    /// <summary>Observed unset: the JSON value was <c>null</c>.</summary>
    Unset = 0,

    /// <summary>Rights granted on the user's own subscriptions.</summary>
    UserBased,

    /// <summary>Rights granted through roles.</summary>
    RoleBased,
}
