using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace IntacctSync.Rules.Collector.Xml;

/// <summary>
/// The XML gateway over a typed <see cref="HttpClient"/> (retries and timeouts come from its resilience
/// handler). Errors are read by <see cref="IntacctResponseReader"/>, so the evidence holds them exactly as a
/// pasted response would give them.
/// </summary>
internal sealed class XmlGatewayClient(HttpClient http, IOptions<IntacctEvidenceCollectorOptions> options) : IIntacctGateway
{
    private static readonly XmlReaderSettings SafeXml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = IntacctResponseReader.MaxResponseBytes,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    public Uri Endpoint { get; } = options.Value.Endpoint;

    public async Task<GatewayReply> SendAsync(GatewaySession session, string function, string? objectName, XElement call, CancellationToken cancellationToken)
    {
        var body = XmlGatewayRequest.Build(session, session.NextControlId(function), call);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" };

        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(Endpoint, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (!session.Reached && ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new IntacctGatewayUnreachableException(Endpoint, ex);
        }
        catch (HttpRequestException ex)
        {
            return Unavailable(function, objectName, $"the connection to the gateway failed ({ex.HttpRequestError})");
        }
        catch (TimeoutRejectedException)
        {
            return Unavailable(function, objectName, $"the gateway did not answer within {options.Value.AttemptTimeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unavailable(function, objectName, "the gateway did not answer in time");
        }

        session.Reached = true;
        using (response)
        {
            string text;
            try
            {
                text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                return Unavailable(function, objectName, "the response was cut off", (int)response.StatusCode);
            }
            catch (IOException)
            {
                return Unavailable(function, objectName, "the response was cut off", (int)response.StatusCode);
            }

            return Interpret(text, (int)response.StatusCode, function, objectName);
        }
    }

    internal static GatewayReply Interpret(string text, int httpStatus, string function, string? objectName)
    {
        IReadOnlyList<ApiError> errors;
        try
        {
            errors = IntacctResponseReader.Read(text, httpStatus);
        }
        catch (IntacctResponseFormatException ex)
        {
            return Unavailable(function, objectName, "the response was cut off or is not a gateway response: " + ex.Message, httpStatus);
        }

        var named = errors.Select(e => Name(e, function, objectName)).ToList();
        // Still rate limited after the retries: the call was never answered, which says nothing of what it asked
        // (a rate-limited sign-in is no refused sign-in). The gateway's error is kept as it came.
        if (named.Exists(IntacctResponseReader.IsUnavailable) || httpStatus == 429 || named.Exists(e => string.Equals(e.ErrorNo, "GW-0010", StringComparison.OrdinalIgnoreCase)))
        {
            return new GatewayReply { Unavailable = true, Errors = named };
        }

        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n')), SafeXml);
            root = XDocument.Load(reader).Root!;
        }
        catch (XmlException ex)
        {
            return Unavailable(function, objectName, "the response was cut off or is not well-formed XML: " + ex.Message, httpStatus);
        }

        var operation = root.Element("operation");
        var result = operation?.Elements("result").FirstOrDefault(r => string.Equals((string?)r.Element("function"), function, StringComparison.Ordinal))
            ?? operation?.Element("result");
        var succeeded = named.Count == 0
            && string.Equals(((string?)result?.Element("status"))?.Trim(), "success", StringComparison.OrdinalIgnoreCase);
        if (named.Count == 0 && !succeeded)
        {
            // A response that reports neither success nor an error for the call was not a complete answer.
            return Unavailable(function, objectName, "the response holds no result for " + function, httpStatus);
        }

        return new GatewayReply
        {
            Succeeded = succeeded,
            Data = succeeded ? result!.Element("data") : null,
            Authentication = operation?.Element("authentication"),
            Errors = named,
        };
    }

    private static ApiError Name(ApiError error, string function, string? objectName) =>
        error.Function is not null && (error.Object is not null || objectName is null)
            ? error
            : new ApiError
            {
                Api = error.Api,
                Level = error.Level,
                Status = error.Status,
                Function = error.Function ?? function,
                Object = error.Object ?? objectName,
                ErrorNo = error.ErrorNo,
                Description = error.Description,
                Description2 = error.Description2,
                Correction = error.Correction,
                SupportId = error.SupportId,
                HttpStatus = error.HttpStatus,
            };

    private static GatewayReply Unavailable(string function, string? objectName, string reason, int? httpStatus = null) => new()
    {
        Unavailable = true,
        Errors =
        [
            new ApiError
            {
                Api = IntacctApi.Xml,
                Function = function,
                Object = objectName,
                ErrorNo = IntacctResponseReader.UnavailableErrorNo,
                Description = "Sage Intacct unavailable: " + reason,
                HttpStatus = httpStatus,
            },
        ],
    };
}
