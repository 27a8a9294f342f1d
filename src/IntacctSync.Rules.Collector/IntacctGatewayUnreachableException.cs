namespace IntacctSync.Rules.Collector;

/// <summary>No connection to the Sage Intacct gateway could be made at all: the name did not resolve or the connection was refused.</summary>
/// <remarks>
/// A gateway that answers with an outage page or too slowly is evidence (Sage Intacct unavailable), not this
/// exception: this one means the endpoint is wrong or unreachable from here, which is for the caller to fix.
/// </remarks>
public sealed class IntacctGatewayUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="endpoint">The endpoint that could not be reached.</param>
    /// <param name="innerException">The connection failure.</param>
    public IntacctGatewayUnreachableException(Uri endpoint, Exception? innerException)
        : base($"cannot reach the Sage Intacct gateway at {endpoint}: {innerException?.Message ?? "no connection"}; check the endpoint URL and the network (a proxy or firewall)", innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>The endpoint that could not be reached.</summary>
    public Uri Endpoint { get; }
}
