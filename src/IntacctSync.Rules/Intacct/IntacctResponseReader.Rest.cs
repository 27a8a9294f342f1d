using System.Text.Json;
using System.Text.RegularExpressions;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Intacct;

public static partial class IntacctResponseReader
{
    private static readonly JsonDocumentOptions RestJson = new() { MaxDepth = 64 };

    private static List<ApiError> ReadRest(string body, int? httpStatus, string? source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, RestJson);
        }
        catch (JsonException ex)
        {
            return NotIntacct(
                $"the response is not valid JSON: {ex.Message.Split(" LineNumber:", 2)[0]}; give the complete body the REST API returned",
                httpStatus, source, ex.LineNumber + 1, ex.BytePositionInLine + 1, ex);
        }

        using (document)
        {
            try
            {
                return RestErrors(document.RootElement, httpStatus, source);
            }
            catch (InvalidOperationException ex)
            {
                // System.Text.Json parses "\uD800" without its pair but cannot turn it into a string.
                var at = LoneSurrogate().Match(body) is { Success: true } m ? m.Index : 0;
                var (line, column) = Position(body, at);
                throw new IntacctResponseFormatException(
                    "the JSON holds a \\u escape of half a UTF-16 surrogate pair (\\uD800-\\uDFFF without its other half), which is no character; give the body exactly as the REST API returned it",
                    source, line, column, ex);
            }
        }
    }

    private static List<ApiError> RestErrors(JsonElement root, int? httpStatus, string? source)
    {
        var results = new List<JsonElement>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ia::result", out var result))
        {
            if (result.ValueKind == JsonValueKind.Array)
            {
                results.AddRange(result.EnumerateArray());
            }
            else
            {
                results.Add(result);
            }
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ia::error", out _))
        {
            results.Add(root);
        }
        else
        {
            return NotIntacct(
                "the JSON has no \"ia::result\" or \"ia::error\" at its top level: this is not a Sage Intacct REST response; give the body the REST API returned",
                httpStatus, source, 1, 1);
        }

        var errors = new List<ApiError>();
        foreach (var item in results)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("ia::error", out var error))
            {
                continue;
            }

            foreach (var top in error.ValueKind == JsonValueKind.Array ? error.EnumerateArray().ToList() : [error])
            {
                AddRestError(errors, top, httpStatus);
            }
        }

        return errors;
    }

    private static void AddRestError(List<ApiError> errors, JsonElement error, int? httpStatus)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var function = Function(error);
        errors.Add(RestError(error, function, httpStatus));
        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (var detail in details.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.Object))
            {
                errors.Add(RestError(detail, function, httpStatus));
            }
        }
    }

    private static ApiError RestError(JsonElement error, string? function, int? httpStatus)
    {
        string? supportId = null;
        var code = IntacctText.Clean(String(error, "code"), ref supportId);
        var message = IntacctText.Clean(String(error, "message"), ref supportId);
        var errorId = IntacctText.Clean(String(error, "errorId"), ref supportId);
        supportId ??= NullIfBlank(String(error, "supportId"));
        return new ApiError
        {
            Api = IntacctApi.Rest,
            Level = ApiErrorLevel.Result,
            Status = ApiResultStatus.Failure,
            Function = function,
            Object = IntacctText.ObjectFrom(message, code),
            // A gateway error (GW-0011) carries its number in "code" and has no errorId.
            ErrorNo = errorId ?? (code is not null && ErrorNumber().IsMatch(code) ? code : null),
            Description = code,
            Description2 = message,
            SupportId = supportId,
            HttpStatus = httpStatus,
        };
    }

    /// <summary>The operation and resource the REST API names in the error's placeholders: <c>POST objects/general-ledger/journal-entry</c>.</summary>
    private static string? Function(JsonElement error)
    {
        if (error.TryGetProperty("additionalInfo", out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("placeholders", out var placeholders) && placeholders.ValueKind == JsonValueKind.Object
            && NullIfBlank(String(placeholders, "OPERATION")) is { } operation
            && NullIfBlank(String(placeholders, "RESOURCE_NAME")) is { } resource)
        {
            return operation + " " + resource;
        }

        return null;
    }

    private static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^[A-Z]{2,}-\d{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorNumber();

    [GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex LoneSurrogate();
}
