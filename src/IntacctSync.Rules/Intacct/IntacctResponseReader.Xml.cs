using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Intacct;

public static partial class IntacctResponseReader
{
    private static readonly XmlReaderSettings SafeXml = new()
    {
        // Intacct responses never carry a DTD: refusing one stops entity expansion and external entities at once.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = MaxResponseBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    // A gateway response nests about eight levels. XDocument.Load takes time quadratic in the depth
    // (100,000 nested elements, 300 KB, took 75 s), so depth is checked first with a plain reader.
    private const int MaxXmlDepth = 64;

    private static List<ApiError> ReadXml(string body, int? httpStatus, string? source)
    {
        if (TooDeep(body) is { } deep)
        {
            throw new IntacctResponseFormatException(
                $"the response nests XML elements deeper than {MaxXmlDepth} levels (at <{deep.Name}>); a Sage Intacct response nests far less, so this is not a gateway response; give the body the XML gateway returned",
                source, deep.Line, deep.Column);
        }

        XDocument document;
        try
        {
            using var text = new StringReader(body);
            using var reader = XmlReader.Create(text, SafeXml);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var dtd = body.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            if (dtd >= 0 || body.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
            {
                // The prohibited-DTD error carries no position: point at the declaration instead.
                var (line, column) = dtd >= 0 ? Position(body, dtd) : Position(body, Math.Max(0, body.IndexOf("<!ENTITY", StringComparison.OrdinalIgnoreCase)));
                throw new IntacctResponseFormatException(
                    "the response declares a DTD (<!DOCTYPE ...>), which is refused for safety: entities are never expanded and external files never read. "
                    + "A Sage Intacct response has no DTD; check that this body really came from the XML gateway",
                    source, line > 0 ? line : null, line > 0 ? column : null, ex);
            }

            if (body.Contains("<html", StringComparison.OrdinalIgnoreCase) || body.Contains("<body", StringComparison.OrdinalIgnoreCase))
            {
                return UnavailablePage(body, httpStatus);
            }

            return NotIntacct(
                $"the response is not well-formed XML: {LineSuffix().Replace(ex.Message, string.Empty)}; give the complete body the XML gateway returned",
                httpStatus, source, ex.LineNumber > 0 ? ex.LineNumber : UnplacedAt(body).Line, ex.LineNumber > 0 ? ex.LinePosition : UnplacedAt(body).Column, ex);
        }

        var root = document.Root!;
        var name = root.Name.LocalName;
        if (name is "html" or "body")
        {
            return UnavailablePage(body, httpStatus);
        }

        if (name != "response")
        {
            var info = (IXmlLineInfo)root;
            return NotIntacct(
                $"the root element is <{name}>, not <response>: this is not a Sage Intacct XML gateway response; give the body the gateway returned",
                httpStatus, source, info.LineNumber, info.LinePosition);
        }

        var errors = new List<ApiError>();
        var controlFailed = false;
        foreach (var child in root.Elements())
        {
            switch (child.LocalName())
            {
                case "control":
                    controlFailed = IsFailure(child);
                    if (controlFailed)
                    {
                        AddErrors(errors, child, ApiErrorLevel.Control, ApiResultStatus.Failure, null, httpStatus, bareWhenEmpty: false);
                    }

                    break;
                case "errormessage":
                    AddErrors(errors, child, ApiErrorLevel.Control, ApiResultStatus.Failure, null, httpStatus, bareWhenEmpty: false);
                    break;
                case "operation":
                    ReadOperation(errors, child, httpStatus);
                    break;
                default:
                    break;
            }
        }

        if (controlFailed && !errors.Exists(e => e.Level == ApiErrorLevel.Control))
        {
            errors.Insert(0, Bare(ApiErrorLevel.Control, ApiResultStatus.Failure, null, httpStatus));
        }

        return errors;
    }

    private static void ReadOperation(List<ApiError> errors, XElement operation, int? httpStatus)
    {
        var authenticationFailed = false;
        foreach (var child in operation.Elements())
        {
            switch (child.LocalName())
            {
                case "authentication":
                    authenticationFailed = IsFailure(child);
                    if (authenticationFailed && child.Element("errormessage") is not null)
                    {
                        AddErrors(errors, child, ApiErrorLevel.Authentication, ApiResultStatus.Failure, null, httpStatus);
                        authenticationFailed = false;
                    }

                    break;
                case "errormessage":
                    // The gateway puts a failed sign-in's errors beside <authentication>, not inside it.
                    AddErrors(errors, child, authenticationFailed ? ApiErrorLevel.Authentication : ApiErrorLevel.Result, ApiResultStatus.Failure, null, httpStatus, bareWhenEmpty: false);
                    authenticationFailed = false;
                    break;
                case "result":
                    var status = Status(child);
                    if (status is "failure" or "aborted")
                    {
                        var function = Text(child, "function");
                        AddErrors(errors, child, ApiErrorLevel.Result, status == "aborted" ? ApiResultStatus.Aborted : ApiResultStatus.Failure, string.IsNullOrEmpty(function) ? null : function, httpStatus);
                    }

                    break;
                default:
                    break;
            }
        }

        if (authenticationFailed)
        {
            errors.Add(Bare(ApiErrorLevel.Authentication, ApiResultStatus.Failure, null, httpStatus));
        }
    }

    /// <summary>Adds one error per <c>error</c> element under <paramref name="parent"/> (or its <c>errormessage</c>).</summary>
    private static void AddErrors(List<ApiError> errors, XElement parent, ApiErrorLevel level, ApiResultStatus status, string? function, int? httpStatus, bool bareWhenEmpty = true)
    {
        var found = false;
        IEnumerable<XElement> containers = parent.LocalName() == "errormessage" ? [parent] : parent.Elements().Where(e => e.LocalName() == "errormessage");
        foreach (var error in containers.SelectMany(c => c.Elements()).Where(e => e.LocalName() == "error"))
        {
            found = true;
            string? supportId = null;
            var errorNo = IntacctText.Clean(Text(error, "errorno"), ref supportId);
            var description = IntacctText.Clean(Text(error, "description"), ref supportId);
            var description2 = IntacctText.Clean(Text(error, "description2"), ref supportId);
            var correction = IntacctText.Clean(Text(error, "correction"), ref supportId);
            errors.Add(new ApiError
            {
                Api = IntacctApi.Xml,
                Level = level,
                Status = status,
                Function = function,
                Object = IntacctText.ObjectFrom(description2, description, correction, errorNo),
                ErrorNo = errorNo,
                Description = description,
                Description2 = description2,
                Correction = correction,
                SupportId = supportId,
                HttpStatus = httpStatus,
            });
        }

        if (!found && bareWhenEmpty)
        {
            errors.Add(Bare(level, status, function, httpStatus));
        }
    }

    /// <summary>A failure the response reports without any error element: kept, so the failure is not lost.</summary>
    private static ApiError Bare(ApiErrorLevel level, ApiResultStatus status, string? function, int? httpStatus) => new()
    {
        Api = IntacctApi.Xml,
        Level = level,
        Status = status,
        Function = function,
        HttpStatus = httpStatus,
    };

    /// <summary>
    /// For a parser error that carries no position (a DTD the reader refused before it counted lines): the
    /// first markup declaration (<c>&lt;!</c>), else the start of the body.
    /// </summary>
    /// <summary>The first element deeper than <see cref="MaxXmlDepth"/>, or <c>null</c>; malformed XML is left to the load that follows.</summary>
    private static (string Name, int Line, int Column)? TooDeep(string body)
    {
        try
        {
            using var text = new StringReader(body);
            using var reader = XmlReader.Create(text, SafeXml);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxXmlDepth)
                {
                    var info = (IXmlLineInfo)reader;
                    return (reader.LocalName, info.LineNumber, info.LinePosition);
                }
            }
        }
        catch (XmlException)
        {
            // Reported, with its position, by the load.
        }

        return null;
    }

    private static (int Line, int Column) UnplacedAt(string body) => Position(body, Math.Max(0, body.IndexOf("<!", StringComparison.Ordinal)));

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static bool IsFailure(XElement block) => Status(block) == "failure";

    private static string? Status(XElement block) => Text(block, "status")?.Trim().ToLowerInvariant();

    private static string? Text(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.LocalName() == name)?.Value;

    private static string LocalName(this XElement element) => element.Name.LocalName;

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$")]
    private static partial Regex LineSuffix();
}
