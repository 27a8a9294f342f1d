using IntacctSync.Rules.Collector.Xml;
using IntacctSync.Rules.Evidence;
using Microsoft.Extensions.Logging;

namespace IntacctSync.Rules.Collector;

/// <summary>The XML gateway collector: checks its arguments, then runs one <see cref="Collection"/> per call.</summary>
internal sealed class EvidenceCollector(IIntacctGateway gateway, TimeProvider time, ILogger<EvidenceCollector> logger) : IIntacctEvidenceCollector
{
    public async Task<SyncEvidence> CollectAsync(IntacctCredentials credentials, CollectOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Missing() is { Count: > 0 } missing)
        {
            throw new ArgumentException(
                $"The Intacct credentials lack {string.Join(", ", missing)}: give the sender id and password Sage issued, the company id, and the Web Services user's id and password.",
                nameof(credentials));
        }

        var collection = new Collection(gateway, credentials, options ?? new CollectOptions(), logger);
        return await collection.RunAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
