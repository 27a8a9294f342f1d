using System.Xml.Linq;
using IntacctSync.Rules.Collector.Xml;
using IntacctSync.Rules.Evidence;
using Microsoft.Extensions.Logging;

namespace IntacctSync.Rules.Collector;

/// <summary>
/// One collection: the probes in order, one request at a time, and what each established. A fact is set only
/// from an answer that shows it; a refused probe leaves its facts unset and keeps its API errors.
/// </summary>
internal sealed partial class Collection(IIntacctGateway gateway, IntacctCredentials credentials, CollectOptions options, ILogger logger)
{
    private readonly GatewaySession _session = new(credentials, string.IsNullOrWhiteSpace(options.EntityId) ? null : options.EntityId);
    private readonly List<ApiError> _apiErrors = [];
    private bool _stopped;
    private int _probes;

    public async Task<SyncEvidence> RunAsync(DateTimeOffset observedAt, CancellationToken cancellationToken)
    {
        Log.CollectionStarted(logger, credentials.CompanyId, credentials.UserId, gateway.Endpoint);
        if (await SignInAsync(cancellationToken).ConfigureAwait(false))
        {
            await ReadDimensionsAsync(cancellationToken).ConfigureAwait(false);
            await ReadUserAsync(cancellationToken).ConfigureAwait(false);
            await ReadPermissionsAsync(cancellationToken).ConfigureAwait(false);
            await ReadReportRecordsAsync(cancellationToken).ConfigureAwait(false);
        }

        Log.CollectionFinished(logger, credentials.CompanyId, _probes, _apiErrors.Count);
        return new SyncEvidence
        {
            ObservedAt = observedAt,
            ApiErrors = _apiErrors,
            Connection = BuildConnection(),
            WebServicesUser = BuildUser(),
            Intacct = BuildCompany(),
        };
    }

    /// <summary>Sends one probe unless the collection has stopped; records its errors and reports its outcome.</summary>
    /// <returns>The reply, or <c>null</c> when the collection had already stopped.</returns>
    private async Task<GatewayReply?> ProbeAsync(string function, string? objectName, XElement call, CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var reply = await gateway.SendAsync(_session, function, objectName, call, cancellationToken).ConfigureAwait(false);
        _probes++;
        _apiErrors.AddRange(reply.Errors);
        ProbeOutcome outcome;
        if (reply.Unavailable)
        {
            // An outage answers every later call the same way; stopping keeps the wait to one timeout.
            _stopped = true;
            outcome = ProbeOutcome.Unavailable;
            Log.GatewayUnavailable(logger, function, objectName, (reply.Errors.Count > 0 ? reply.Errors[0].Description : null) ?? "no response");
        }
        else if (reply.Succeeded)
        {
            outcome = ProbeOutcome.Answered;
            Log.ProbeAnswered(logger, function, objectName);
        }
        else
        {
            outcome = ProbeOutcome.Refused;
            Log.ProbeRefused(logger, function, objectName, (reply.Errors.Count > 0 ? reply.Errors[0].ErrorNo : null));
        }

        options.Progress?.Report(new ProbeProgress(function, objectName, outcome));
        return reply;
    }

    /// <summary>A one-row (or few-row) <c>readByQuery</c>: the only function the read probes use besides lookup.</summary>
    private static XElement ReadByQuery(string objectName, string fields, string query, int pageSize) =>
        new("readByQuery",
            new XElement("object", objectName),
            new XElement("fields", fields),
            new XElement("query", query),
            new XElement("pagesize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A value quoted for a readByQuery query (single quotes doubled).</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static bool? Flag(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "T" or "YES" => true,
        "FALSE" or "F" or "NO" => false,
        _ => null,
    };
}
