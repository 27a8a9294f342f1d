namespace IntacctSync.Rules.Evidence;

/// <summary>
/// What an integration observed when a Sage Intacct sync or export failed: the input of
/// <see cref="ISyncErrorClassifier"/>. Read it from JSON with <see cref="SyncEvidenceJson"/>.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. Every property but <see cref="SchemaVersion"/> is
/// optional: <c>null</c> means "not observed", never <c>false</c>, zero or empty. An empty string on a
/// text property means "observed to be empty".
/// </remarks>
public sealed class SyncEvidence
{
    /// <summary>The version of the evidence format this build reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The evidence format's version; <see cref="CurrentSchemaVersion"/>.</summary>
    [System.Text.Json.Serialization.JsonRequired]
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Which job the evidence is about.</summary>
    public SyncOperation? Operation { get; init; }

    /// <summary>How that job ended; a message or an API error implies a failure.</summary>
    public SyncOutcome? Outcome { get; init; }

    /// <summary>When the evidence was taken; "today" for date rules.</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>Error texts as a person saw them.</summary>
    public IReadOnlyList<string>? Messages { get; init; }

    /// <summary>Errors from Sage Intacct API responses, in response order.</summary>
    public IReadOnlyList<ApiError>? ApiErrors { get; init; }

    /// <summary>The connection to Sage Intacct.</summary>
    public Connection? Connection { get; init; }

    /// <summary>The Intacct user the integration signs in as.</summary>
    public WebServicesUser? WebServicesUser { get; init; }

    /// <summary>What the Intacct company looks like.</summary>
    public IntacctCompany? Intacct { get; init; }

    /// <summary>The integration's own settings.</summary>
    public Workspace? Workspace { get; init; }

    /// <summary>The report being exported.</summary>
    public Report? Report { get; init; }
}
