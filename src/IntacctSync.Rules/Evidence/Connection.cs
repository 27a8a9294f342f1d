namespace IntacctSync.Rules.Evidence;

/// <summary>The integration's connection to Sage Intacct.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class Connection
{
    /// <summary>The Intacct company id.</summary>
    public string? CompanyId { get; init; }

    /// <summary>The session's entity; empty means the top level.</summary>
    public string? EntityId { get; init; }

    /// <summary>The level the integration syncs at.</summary>
    public SyncLevel? SyncLevel { get; init; }

    /// <summary>Whether the company has several entities.</summary>
    public bool? MultiEntity { get; init; }

    /// <summary>Whether the integration's sender id is authorized for the company.</summary>
    public bool? SenderIdAuthorized { get; init; }

    /// <summary>Whether the stored user credentials are accepted.</summary>
    public bool? CredentialsValid { get; init; }

    /// <summary>Whether the Web Services user's password has expired.</summary>
    public bool? PasswordExpired { get; init; }

    /// <summary>Whether a session could be opened.</summary>
    public bool? SessionStarted { get; init; }

    /// <summary>Whether the stored connection settings are complete.</summary>
    public bool? ConfigurationValid { get; init; }

    /// <summary>Whether the company subscribes to Web Services.</summary>
    public bool? WebServicesSubscribed { get; init; }

    /// <summary>Whether a sync ever succeeded on this connection.</summary>
    public bool? EverSucceeded { get; init; }

    /// <summary>When the last sync succeeded.</summary>
    public DateTimeOffset? LastSuccessfulSyncAt { get; init; }
}
