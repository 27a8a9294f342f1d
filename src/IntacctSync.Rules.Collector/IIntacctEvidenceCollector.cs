using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Collector;

/// <summary>
/// Reads the Sage Intacct side of the evidence from a live company, read-only: the connection (sign-in),
/// the dimensions, the Web Services user, and the API errors its probes met.
/// </summary>
/// <remarks>
/// Implementations are thread-safe; one collection sends one request at a time. Merge the result with the
/// host's own evidence through <see cref="EvidenceMerger.Merge"/>.
/// </remarks>
public interface IIntacctEvidenceCollector
{
    /// <summary>Collects a partial evidence document.</summary>
    /// <param name="credentials">The sender and the Web Services user to sign in with.</param>
    /// <param name="options">What else to read; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Stops the collection.</param>
    /// <returns>
    /// The evidence: <c>connection</c>, <c>webServicesUser</c>, <c>intacct</c> and <c>apiErrors</c>, with
    /// <c>observedAt</c>. A fact a probe could not read stays absent (unknown), never <c>false</c>; the API
    /// error that refused it is in <c>apiErrors</c> with its function and object. An outage, a timeout or a
    /// response cut off is an <c>apiErrors</c> entry whose <c>errorNo</c> is
    /// <see cref="Intacct.IntacctResponseReader.UnavailableErrorNo"/>, not an exception.
    /// </returns>
    /// <exception cref="ArgumentException">A credential is missing or blank (the message names every one).</exception>
    /// <exception cref="IntacctGatewayUnreachableException">No connection to the gateway could be made at all.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SyncEvidence> CollectAsync(IntacctCredentials credentials, CollectOptions? options, CancellationToken cancellationToken);
}
