namespace IntacctSync.Rules.Evidence;

/// <summary>The Intacct user the integration signs in as.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class WebServicesUser
{
    /// <summary>The user id, such as <c>xmlgateway_expensify</c>.</summary>
    public string? UserId { get; init; }

    /// <summary>Whether the user is active.</summary>
    public bool? Active { get; init; }

    /// <summary>How the user's rights are granted.</summary>
    public PermissionModel? PermissionModel { get; init; }

    /// <summary>Whether the user is an administrator.</summary>
    public bool? Admin { get; init; }

    /// <summary>The user's effective rights per module.</summary>
    public ModuleRights? Modules { get; init; }

    /// <summary>Rights per Intacct object name (upper case); an empty list means no rights, an absent object was not observed. Look names up without regard to case.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ObjectRight>>? Objects { get; init; }

    /// <summary>Whether the user may post to closed periods.</summary>
    public bool? CanPostToClosedPeriods { get; init; }

    /// <summary>The entities the user may reach.</summary>
    public IReadOnlyList<string>? Entities { get; init; }
}
