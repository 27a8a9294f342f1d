using System.Xml.Linq;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Collector.Xml;

/// <summary>What one function call brought back: its data when it succeeded, else its API errors.</summary>
internal sealed class GatewayReply
{
    /// <summary>The function's result succeeded.</summary>
    public bool Succeeded { get; init; }

    /// <summary>No API response came back: an outage page, an empty body, a timeout, a response cut off.</summary>
    public bool Unavailable { get; init; }

    /// <summary>The result's <c>data</c> element, when it succeeded.</summary>
    public XElement? Data { get; init; }

    /// <summary>The operation's <c>authentication</c> element, when there was one.</summary>
    public XElement? Authentication { get; init; }

    /// <summary>The API errors, each with the probe's function and object filled in where the response named none.</summary>
    public IReadOnlyList<ApiError> Errors { get; init; } = [];

    /// <summary>The errors' texts in one string, for recognising what a refusal says.</summary>
    public string ErrorText => string.Join(" | ", Errors.Select(e => string.Join(' ', e.ErrorNo, e.Description, e.Description2, e.Correction)));
}
