using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>Turns the serializer's errors into ones a person can act on, and checks what the serializer cannot.</summary>
internal static partial class EvidenceErrors
{
    public static EvidenceFormatException Explain(JsonException ex, ReadOnlySpan<byte> utf8, string? source)
    {
        if (VersionProblem(utf8, source) is { } versionError)
        {
            return versionError;
        }

        var path = ex.Path;
        long? line = ex.LineNumber + 1;
        long? column = ex.BytePositionInLine + 1;
        var message = PathSuffix().Replace(ex.Message, string.Empty);
        var atValue = true;

        if (ex.InnerException is InvalidOperationException { InnerException: DecoderFallbackException })
        {
            message = "the input is not valid UTF-8: a string holds bytes that are not UTF-8; save the document as UTF-8";
        }
        else if (message.StartsWith("expected ", StringComparison.Ordinal))
        {
            // One of our converters: the message already says what was expected and what came.
        }
        else if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var typeName = unmapped.Groups["type"].Value;
            message = $"unknown field \"{name}\"" + KnownFields(typeName);
            path = path is null or "$" ? "$." + name : path;
        }
        else if (CannotConvert().IsMatch(message))
        {
            message = $"expected {ExpectedAt(ex.Path)}, got {TokenAt(utf8, line, column)}";
        }
        else if (DuplicateProperty().Match(message) is { Success: true } duplicate)
        {
            message = $"the field \"{duplicate.Groups["name"].Value}\" appears twice in one object; keep one of them";
        }
        else if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            message = $"the document nests deeper than {EvidenceJsonOptions.MaxDepth} levels; no evidence field nests that deep";
        }
        else if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            message = $"\"schemaVersion\" is required: add \"schemaVersion\": {SyncEvidence.CurrentSchemaVersion} to the top-level object";
            (path, line, column) = ("$", 1, 1);
        }
        else if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            message = "the input ends before any JSON value; expected a JSON object such as {\"schemaVersion\": 1}";
        }
        else if (ex.InnerException is not null && ex.Path is "$" && ex.LineNumber == 0 && ex.BytePositionInLine == 0)
        {
            message = $"expected a JSON object, got {TokenAt(utf8, line, column)}";
        }
        else
        {
            message = "invalid JSON: " + message.TrimEnd('.');
            atValue = false;
        }

        // The serializer stands after the offending value; point at its start, where it can be found.
        if (atValue && path is not null && JsonLocator.Find(utf8, path) is { } start)
        {
            (line, column) = start;
        }

        return new EvidenceFormatException(message, source, path, line, column, ex);
    }

    /// <summary>Checks what deserialization cannot: the version, and <c>null</c> where it has no meaning.</summary>
    public static void Validate(ReadOnlySpan<byte> utf8, string? source)
    {
        if (VersionProblem(utf8, source) is { } versionError)
        {
            throw versionError;
        }

        if (NullScan.Check(utf8, EvidenceJsonOptions.Options, EvidenceJsonOptions.SyncEvidence, source) is { } nullError)
        {
            throw nullError;
        }
    }

    private static EvidenceFormatException? VersionProblem(ReadOnlySpan<byte> utf8, string? source)
    {
        if (JsonLocator.TopLevelProperty(utf8, "schemaVersion") is not { } version)
        {
            return null;
        }

        if (version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var v) && v == SyncEvidence.CurrentSchemaVersion)
        {
            return null;
        }

        // A short number or string is quoted as written; anything else is named by its kind, since it
        // may be long or hold bytes that are not UTF-8.
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(version);
        var got = version.ValueKind is JsonValueKind.Number or JsonValueKind.String && raw.Length <= 40 && System.Text.Unicode.Utf8.IsValid(raw)
            ? Encoding.UTF8.GetString(raw)
            : "given as " + version.ValueKind switch
            {
                JsonValueKind.Number => "a long number",
                JsonValueKind.String => "a string",
                JsonValueKind.Object => "an object",
                JsonValueKind.Array => "a list",
                JsonValueKind.True or JsonValueKind.False => "a boolean",
                _ => "null",
            };
        var where = JsonLocator.Find(utf8, "$.schemaVersion");
        return new EvidenceFormatException(
            $"schemaVersion {got} is not supported; this build reads schemaVersion {SyncEvidence.CurrentSchemaVersion}",
            source, "$.schemaVersion", where?.Line, where?.Column);
    }

    private static string KnownFields(string clrTypeName)
    {
        if (ModelObject(clrTypeName) is not { } info)
        {
            return string.Empty;
        }

        return "; expected one of: " + string.Join(", ", info.Properties.Select(p => p.Name));
    }

    // The model's object type of that name, found through the serializer's metadata from SyncEvidence down (no
    // lookup by name in the assembly, which trimming may have emptied).
    private static JsonTypeInfo? ModelObject(string clrTypeName)
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>([typeof(SyncEvidence)]);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type) || !EvidenceJsonOptions.Options.TryGetTypeInfo(type, out var info))
            {
                continue;
            }

            if (info.Kind == JsonTypeInfoKind.Object)
            {
                if (type.FullName == clrTypeName)
                {
                    return info;
                }

                foreach (var property in info.Properties)
                {
                    pending.Enqueue(property.PropertyType);
                }
            }
            else if (info.ElementType is { } element)
            {
                pending.Enqueue(element);
            }
        }

        return null;
    }

    private static string ExpectedAt(string? path)
    {
        JsonTypeInfo info = EvidenceJsonOptions.SyncEvidence;
        foreach (var segment in Segments(path))
        {
            Type? next = null;
            if (segment.StartsWith('['))
            {
                next = info.ElementType;
            }
            else if (info.Kind == JsonTypeInfoKind.Object)
            {
                next = info.Properties.FirstOrDefault(p => p.Name == segment)?.PropertyType;
            }
            else if (info.Kind == JsonTypeInfoKind.Dictionary)
            {
                next = info.ElementType;
            }

            if (next is null)
            {
                return "another kind of value";
            }

            info = EvidenceJsonOptions.Options.GetTypeInfo(next);
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            JsonTypeInfoKind.Enumerable => "an array",
            _ => "another kind of value",
        };
    }

    private static IEnumerable<string> Segments(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            yield break;
        }

        foreach (Match m in PathSegment().Matches(path))
        {
            yield return m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Value;
        }
    }

    private static string TokenAt(ReadOnlySpan<byte> utf8, long? line, long? column)
    {
        if (line is not { } l || column is not { } c)
        {
            return "another kind of value";
        }

        var offset = OffsetOf(utf8, l, c);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        string? described = null;
        try
        {
            while (reader.Read() && reader.TokenStartIndex < offset)
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    described = JsonTokenText.Describe(ref reader);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Described what could be read.
        }

        return described ?? "another kind of value";
    }

    private static long OffsetOf(ReadOnlySpan<byte> utf8, long line, long column)
    {
        long offset = 0;
        for (var current = 1L; current < line; current++)
        {
            var next = utf8[(int)offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
        }

        return offset + column - 1;
    }

    [GeneratedRegex(@"\s*Path: .*\| LineNumber: \d+ \| BytePositionInLine: \d+\.?$", RegexOptions.Singleline)]
    private static partial Regex PathSuffix();

    [GeneratedRegex(@"The JSON property '(?<name>.*)' could not be mapped to any \.NET member contained in type '(?<type>[^']+)'")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"^Duplicate property '(?<name>[^']*)'")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex(@"^The JSON value could not be converted to ")]
    private static partial Regex CannotConvert();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[\d+\]")]
    private static partial Regex PathSegment();
}
