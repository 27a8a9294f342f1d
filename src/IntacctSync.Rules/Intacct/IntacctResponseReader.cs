using System.Text;
using System.Text.RegularExpressions;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Intacct;

/// <summary>
/// Reads a raw Sage Intacct API response — an XML gateway <c>&lt;response&gt;</c> or a REST
/// <c>ia::result</c> body — into the <see cref="ApiError"/>s of the evidence contract, in response order.
/// Usable on its own, without the classifier.
/// </summary>
/// <remarks>
/// <para>
/// The format is detected from the body. XML: a failed <c>control</c> block (with the top-level
/// <c>errormessage</c>) gives <see cref="ApiErrorLevel.Control"/> errors, a failed <c>authentication</c>
/// block <see cref="ApiErrorLevel.Authentication"/> errors, and each failed or aborted
/// <c>operation/result</c> one <see cref="ApiErrorLevel.Result"/> error per <c>error</c> element with its
/// <c>function</c>. REST: the top-level <c>ia::error</c> first, then its <c>details</c>; <c>errorId</c>
/// becomes <see cref="ApiError.ErrorNo"/> (a gateway <c>code</c> such as <c>GW-0011</c> when there is no
/// <c>errorId</c>), <c>code</c> <see cref="ApiError.Description"/>, <c>message</c>
/// <see cref="ApiError.Description2"/>.
/// </para>
/// <para>
/// Texts lose their HTML tags and entities and their <c>[Support ID: ...]</c> token (also URL-encoded),
/// which goes to <see cref="ApiError.SupportId"/> as written (not URL-decoded); they are trimmed. An
/// element that is present but empty reads as <c>""</c> (observed empty), an absent one as <c>null</c>.
/// <see cref="ApiError.Object"/> is taken from the text ("objects of type arinvoice", "Object definition
/// FUND not found", "Object type CLASS1 not found") and upper-cased, as the contract's object names are
/// (<c>ARINVOICE</c>); it stays <c>null</c> when no text names one.
/// </para>
/// <para>
/// A response that shows Sage Intacct (or the way to it) was unavailable — an HTML page such as a
/// proxy's 502, an empty body, a timeout or "service unavailable" text, or any unrecognised body with
/// an HTTP status of 500 or more — is not an exception: it reads as one <see cref="ApiError"/> with
/// <see cref="ApiError.ErrorNo"/> <see cref="UnavailableErrorNo"/>, a description that says what came
/// back, and no level (it is not a sign-in failure), so it reaches the report's <c>unexplained</c> list.
/// </para>
/// <para>
/// XML is read with DTDs prohibited, no resolver and a document size limit: a document with a DTD
/// (entity expansion, an external entity) is refused with <see cref="IntacctResponseFormatException"/>
/// and nothing is expanded or fetched. Stateless and thread-safe.
/// </para>
/// </remarks>
public static partial class IntacctResponseReader
{
    /// <summary>The largest response read: 4 MiB (UTF-8 bytes). Larger input is refused before it is parsed.</summary>
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The <see cref="ApiError.ErrorNo"/> of the error that stands for "Sage Intacct unavailable": an HTML
    /// page, an empty body or a timeout instead of an API response.
    /// </summary>
    public const string UnavailableErrorNo = "INTACCT-UNAVAILABLE";

    /// <summary>Reads a response given as text.</summary>
    /// <param name="text">The response body.</param>
    /// <param name="source">A name for the input in error messages (a file name), or <c>null</c>.</param>
    /// <returns>The errors, in response order; empty when the response reports no failure.</returns>
    /// <exception cref="IntacctResponseFormatException">The response is too large, malformed, hostile, or not an Intacct response.</exception>
    public static IReadOnlyList<ApiError> Read(string text, string? source = null) => ReadText(text, null, source);

    /// <summary>Reads a response given as text, with the HTTP status it came with.</summary>
    /// <param name="text">The response body.</param>
    /// <param name="httpStatus">The HTTP status of the response; set on every error.</param>
    /// <param name="source">A name for the input in error messages (a file name), or <c>null</c>.</param>
    /// <returns>The errors, in response order; empty when the response reports no failure.</returns>
    /// <exception cref="IntacctResponseFormatException">The response is too large, malformed, hostile, or not an Intacct response.</exception>
    public static IReadOnlyList<ApiError> Read(string text, int httpStatus, string? source = null) => ReadText(text, httpStatus, source);

    /// <summary>
    /// Reads a response from a stream (UTF-8, or UTF-16/UTF-32 as its byte order mark says), refusing it past
    /// <see cref="MaxResponseBytes"/> and refusing bytes that are not valid in its encoding (never replaced).
    /// </summary>
    /// <param name="response">The response body; read to its end, not closed.</param>
    /// <param name="source">A name for the input in error messages (a file name), or <c>null</c>.</param>
    /// <returns>The errors, in response order; empty when the response reports no failure.</returns>
    /// <exception cref="IntacctResponseFormatException">The response is too large, not valid UTF-8 (the message names the byte offset, line and column), malformed, hostile, or not an Intacct response.</exception>
    public static IReadOnlyList<ApiError> Read(Stream response, string? source = null) => ReadText(ReadAll(response, source), null, source);

    /// <summary>Reads a response from a stream, with the HTTP status it came with.</summary>
    /// <param name="response">The response body; read to its end, not closed.</param>
    /// <param name="httpStatus">The HTTP status of the response; set on every error.</param>
    /// <param name="source">A name for the input in error messages (a file name), or <c>null</c>.</param>
    /// <returns>The errors, in response order; empty when the response reports no failure.</returns>
    /// <exception cref="IntacctResponseFormatException">The response is too large, not valid UTF-8 (the message names the byte offset, line and column), malformed, hostile, or not an Intacct response.</exception>
    public static IReadOnlyList<ApiError> Read(Stream response, int httpStatus, string? source = null) => ReadText(ReadAll(response, source), httpStatus, source);

    /// <summary>Reads a response from a stream asynchronously (an HTTP response or request body), as <see cref="Read(Stream, string?)"/> does.</summary>
    /// <param name="response">The response body; read to its end, not closed.</param>
    /// <param name="source">A name for the input in error messages, or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The errors, in response order; empty when the response reports no failure.</returns>
    /// <exception cref="IntacctResponseFormatException">As for <see cref="Read(Stream, string?)"/>.</exception>
    public static async Task<IReadOnlyList<ApiError>> ReadAsync(Stream response, string? source = null, CancellationToken cancellationToken = default) =>
        ReadText(await ReadAllAsync(response, source, cancellationToken).ConfigureAwait(false), null, source);

    /// <summary>Reads a response from a stream asynchronously, with the HTTP status it came with.</summary>
    /// <param name="response">The response body; read to its end, not closed.</param>
    /// <param name="httpStatus">The HTTP status of the response; set on every error.</param>
    /// <param name="source">A name for the input in error messages, or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The errors, in response order; empty when the response reports no failure.</returns>
    /// <exception cref="IntacctResponseFormatException">As for <see cref="Read(Stream, int, string?)"/>.</exception>
    public static async Task<IReadOnlyList<ApiError>> ReadAsync(Stream response, int httpStatus, string? source = null, CancellationToken cancellationToken = default) =>
        ReadText(await ReadAllAsync(response, source, cancellationToken).ConfigureAwait(false), httpStatus, source);

    /// <summary>
    /// Whether an error is one of Intacct's generic wrappers (<c>Could not create class record!</c>,
    /// <c>XL03000009 ... rolled back ...</c>, <c>Currently, we can't create the transaction</c>, REST
    /// <c>POST request on ... object was unsuccessful</c>) that sit beside the specific error. A wrapper
    /// is never a diagnosis on its own.
    /// </summary>
    /// <param name="error">The error.</param>
    /// <returns><c>true</c> for a wrapper.</returns>
    public static bool IsWrapper(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return string.Equals(error.ErrorNo, "XL03000009", StringComparison.OrdinalIgnoreCase)
            || IntacctText.IsWrapperText(error.Description2)
            || IntacctText.IsWrapperText(error.Description);
    }

    /// <summary>Whether an error stands for "Sage Intacct unavailable" (see <see cref="UnavailableErrorNo"/>).</summary>
    /// <param name="error">The error.</param>
    /// <returns><c>true</c> when the response was not an API response but an outage or a timeout.</returns>
    public static bool IsUnavailable(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.ErrorNo == UnavailableErrorNo;
    }

    private static List<ApiError> ReadText(string text, int? httpStatus, string? source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var size = Encoding.UTF8.GetByteCount(text);
        if (size > MaxResponseBytes)
        {
            throw TooLarge(size, source);
        }

        var body = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (body.Length == 0)
        {
            return Unavailable("the response was empty", httpStatus);
        }

        if (HtmlPage().IsMatch(body.AsSpan(0, Math.Min(body.Length, 4096))))
        {
            return UnavailablePage(body, httpStatus);
        }

        return body[0] switch
        {
            '<' => ReadXml(body, httpStatus, source),
            '{' or '[' => ReadRest(body, httpStatus, source),
            _ when TimeoutText().IsMatch(body.AsSpan(0, Math.Min(body.Length, 4096))) || httpStatus >= 500 => Unavailable($"the response was not an API response: \"{IntacctText.Excerpt(body)}\"", httpStatus),
            _ => throw new IntacctResponseFormatException(
                $"the response is neither XML nor JSON (it starts \"{IntacctText.Excerpt(body, 40)}\"); give the raw body Sage Intacct returned: an XML gateway <response> or a REST ia::result document",
                source, BodyStart(text, body).Line, BodyStart(text, body).Column),
        };
    }

    private static List<ApiError> Unavailable(string what, int? httpStatus) =>
    [
        new ApiError
        {
            ErrorNo = UnavailableErrorNo,
            Description = "Sage Intacct unavailable: " + what + (httpStatus is { } status ? $" (HTTP {status})" : string.Empty) + ".",
            Correction = "Retry later; if it keeps failing, check Sage Intacct's status and the network path (proxy, firewall) to its API.",
            HttpStatus = httpStatus,
        },
    ];

    private static List<ApiError> UnavailablePage(string html, int? httpStatus) =>
        Unavailable(IntacctText.HtmlTitle(html) is { } title
            ? $"the response was an HTML page (\"{title}\"), not an API response"
            : "the response was an HTML page, not an API response", httpStatus);

    /// <summary>The body is recognisably not an Intacct response: an outage when the HTTP status says so, else an error.</summary>
    private static List<ApiError> NotIntacct(string reason, int? httpStatus, string? source, long? line = null, long? column = null, Exception? inner = null) =>
        httpStatus >= 500
            ? Unavailable("the response was not an API response", httpStatus)
            : throw new IntacctResponseFormatException(reason, source, line, column, inner);

    /// <summary>Where the body (the text without its leading blanks and byte order mark) starts in the text: 1-based line and column.</summary>
    private static (long Line, long Column) BodyStart(string text, string body)
    {
        var skipped = text.AsSpan(0, text.Length - body.Length);
        var lastNewLine = skipped.LastIndexOf('\n');
        return (skipped.Count('\n') + 1, skipped.Length - lastNewLine);
    }

    private static string ReadAll(Stream response, string? source)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var buffer = StreamBuffer.ReadAll(response, MaxResponseBytes, size => TooLarge(size, source));
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source);
    }

    private static async Task<string> ReadAllAsync(Stream response, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var buffer = await StreamBuffer.ReadAllAsync(response, MaxResponseBytes, size => TooLarge(size, source), cancellationToken).ConfigureAwait(false);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source);
    }

    private static IntacctResponseFormatException TooLarge(long size, string? source) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the response is larger than {MaxResponseBytes:N0} bytes (at least {size:N0}); an Intacct error response is far smaller: give only the body of the one failed response"), source);

    [GeneratedRegex(@"^(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+html\b[^\[>]*>|<(?:html|head|body|title|h1|center)\b)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HtmlPage();

    [GeneratedRegex(@"time[sd]?[\s-]*out|timeout|unavailable|bad\s+gateway|temporar(?:il)?y|maintenance|try\s+again\s+later|upstream|off-?line|\b50[234]\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TimeoutText();
}
