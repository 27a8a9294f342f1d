using System.Xml.Linq;

namespace IntacctSync.Rules.Collector.Xml;

/// <summary>
/// Sends one function to Sage Intacct's XML gateway and reads the answer. The collector's only way out to the
/// network, so a second transport (the REST API) or a test double slots in here.
/// </summary>
internal interface IIntacctGateway
{
    /// <summary>The gateway's address, for messages.</summary>
    Uri Endpoint { get; }

    /// <summary>Sends <paramref name="call"/> (one read function) within <paramref name="session"/>.</summary>
    /// <exception cref="IntacctGatewayUnreachableException">The first request of the session could not connect at all.</exception>
    Task<GatewayReply> SendAsync(GatewaySession session, string function, string? objectName, XElement call, CancellationToken cancellationToken);
}
