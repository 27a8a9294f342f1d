using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>
/// Finds a JSON <c>null</c> where the format gives it no meaning. <c>null</c> means "observed empty"
/// on a text field and "observed unset" on an enum field; on an object, a list, a list's entry or a
/// map's value it would be
/// indistinguishable from "not observed", so it is refused. The serializer reads init-only properties
/// through a constructor, where a modifier cannot see nulls, hence this pass; it runs only on
/// documents that contain a <c>null</c> at all.
/// </summary>
internal static class NullScan
{
    public static EvidenceFormatException? Check(ReadOnlySpan<byte> utf8, JsonSerializerOptions options, JsonTypeInfo root, string? source)
    {
        if (utf8.IndexOf("null"u8) < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = options.MaxDepth });
        var frames = new List<Frame>();
        Type? pending = root.Type;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var frame = frames[^1];
                    var name = reader.GetString()!;
                    frames[^1] = frame with { Name = name };
                    pending = frame.Info?.Kind == JsonTypeInfoKind.Object
                        ? frame.Info.Properties.FirstOrDefault(p => p.Name == name)?.PropertyType
                        : frame.Info?.ElementType;
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    continue;
            }

            if (frames.Count > 0 && frames[^1].Info?.Kind == JsonTypeInfoKind.Enumerable)
            {
                frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                pending = frames[^1].Info!.ElementType;
            }

            var inObject = frames.Count == 0 || frames[^1].Info?.Kind == JsonTypeInfoKind.Object;
            if (reader.TokenType == JsonTokenType.Null && pending is not null && !(inObject && NullAllowed(pending)))
            {
                var (line, column) = JsonLocator.ToLineColumn(utf8, reader.TokenStartIndex);
                var what = frames.Count > 0 && frames[^1].Info?.Kind == JsonTypeInfoKind.Enumerable
                    ? $"expected {(options.GetTypeInfo(pending).Kind == JsonTypeInfoKind.Object ? "a record" : "a value")}, got null; leave it out of the list instead"
                    : frames.Count > 0 && frames[^1].Info?.Kind == JsonTypeInfoKind.Dictionary
                    ? "expected a value, got null; leave the key out instead"
                    : $"expected {Describe(options.GetTypeInfo(pending))}, got null; leave the field out when it was not observed";
                return new EvidenceFormatException(what, source, PathOf(frames), line, column);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Add(new Frame(pending is null ? null : options.GetTypeInfo(pending), null, -1));
            }
        }

        return null;
    }

    private static bool NullAllowed(Type type) =>
        type == typeof(string) || Nullable.GetUnderlyingType(type) is { IsEnum: true };

    private static string Describe(JsonTypeInfo info) => info.Kind == JsonTypeInfoKind.Enumerable ? "an array" : "an object";

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.Info?.Kind == JsonTypeInfoKind.Enumerable)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{frame.Index}]");
            }
            else if (frame.Name is not null)
            {
                path.Append('.').Append(frame.Name);
            }
        }

        return path.ToString();
    }

    private readonly record struct Frame(JsonTypeInfo? Info, string? Name, int Index);
}
