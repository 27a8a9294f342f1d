namespace IntacctSync.Rules.Collector.Xml;

/// <summary>One collection's sign-in state: the credentials until a session is opened, then the session id.</summary>
/// <remarks>Used by one collection at a time. Holds secrets: never logged, never written out.</remarks>
internal sealed class GatewaySession(IntacctCredentials credentials, string? entityId)
{
    private int _controlIds;

    public IntacctCredentials Credentials { get; } = credentials;

    public string? EntityId { get; } = entityId;

    /// <summary>The session getAPISession opened; later requests authenticate with it instead of the user's password.</summary>
    public string? SessionId { get; set; }

    /// <summary>Whether the gateway has answered this session at least once (an HTTP response of any kind).</summary>
    public bool Reached { get; set; }

    public string NextControlId(string function) =>
        $"{function}-{Interlocked.Increment(ref _controlIds).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
