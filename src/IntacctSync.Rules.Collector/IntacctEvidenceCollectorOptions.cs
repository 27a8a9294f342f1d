namespace IntacctSync.Rules.Collector;

/// <summary>How the collector talks to Sage Intacct. Validated when the collector is first resolved (or at host start).</summary>
/// <remarks>Mutable while the host is configured; read once when the collector's HTTP client is built.</remarks>
public sealed class IntacctEvidenceCollectorOptions
{
    /// <summary>The production XML gateway Sage documents.</summary>
    public static readonly Uri ProductionEndpoint = new("https://api.intacct.com/ia/xml/xmlgw.phtml");

    /// <summary>The XML gateway's address; default <see cref="ProductionEndpoint"/>. Must be absolute http or https.</summary>
    public Uri Endpoint { get; set; } = ProductionEndpoint;

    /// <summary>How long one attempt of one request may take; default 30 seconds. A gateway slower than this is "unavailable".</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take with its retries; default 2 minutes. Must exceed <see cref="AttemptTimeout"/>.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a request is retried after the rate limit (HTTP 429, GW-0010), a 5xx or a timeout; default 3 (0 to 10).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay, doubled (with jitter) for each further one; default 2 seconds. A <c>Retry-After</c> header wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
