using Microsoft.Extensions.Logging;

namespace IntacctSync.Rules.Collector;

/// <summary>The collector's log messages, declared once with stable event ids. None carries a password or a session id.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 101, EventName = "CollectionStarted", Level = LogLevel.Information,
        Message = "Collecting evidence from company {CompanyId} as {UserId} at {Endpoint}")]
    public static partial void CollectionStarted(ILogger logger, string companyId, string userId, Uri endpoint);

    [LoggerMessage(EventId = 102, EventName = "ProbeAnswered", Level = LogLevel.Debug,
        Message = "Probe {Function} {Object} answered")]
    public static partial void ProbeAnswered(ILogger logger, string function, string? @object);

    [LoggerMessage(EventId = 103, EventName = "ProbeRefused", Level = LogLevel.Information,
        Message = "Probe {Function} {Object} refused: {ErrorNo}; its facts stay unknown")]
    public static partial void ProbeRefused(ILogger logger, string function, string? @object, string? errorNo);

    [LoggerMessage(EventId = 104, EventName = "GatewayUnavailable", Level = LogLevel.Warning,
        Message = "Probe {Function} {Object}: Sage Intacct unavailable ({Reason}); the collection stops here")]
    public static partial void GatewayUnavailable(ILogger logger, string function, string? @object, string reason);

    [LoggerMessage(EventId = 105, EventName = "CollectionFinished", Level = LogLevel.Information,
        Message = "Collection from company {CompanyId} finished: {ProbeCount} probes, {ApiErrorCount} API errors")]
    public static partial void CollectionFinished(ILogger logger, string companyId, int probeCount, int apiErrorCount);
}
