using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>
/// Finds where things stand in raw JSON: the line and column of a JSON path, and the token at a
/// position. Used only to explain errors, so it favours clarity over speed.
/// </summary>
internal static class JsonLocator
{
    /// <summary>The 1-based line and column of the value at <paramref name="path"/>, or <c>null</c>.</summary>
    public static (long Line, long Column)? Find(ReadOnlySpan<byte> utf8, string path)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Name = reader.GetString() };
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                }

                if (frames.Count > 0 && frames[^1].Name is null)
                {
                    frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                }

                if (PathOf(frames) == path)
                {
                    return ToLineColumn(utf8, reader.TokenStartIndex);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray ? null : string.Empty, -1));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Malformed (or not UTF-8) past the point of interest: what was found so far is all there is.
        }

        return null;
    }

    /// <summary>The 1-based line and column of a byte offset.</summary>
    public static (long Line, long Column) ToLineColumn(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)Math.Min(offset, utf8.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, before.Length - lineStart + 1);
    }

    /// <summary>The top-level <c>schemaVersion</c>, when it can be read before anything else fails.</summary>
    public static JsonElement? TopLevelProperty(ReadOnlySpan<byte> utf8, string name)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isWanted = reader.ValueTextEquals(name);
                reader.Read();
                if (isWanted)
                {
                    return JsonElement.ParseValue(ref reader);
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // The document breaks before the property: nothing to report about it.
        }

        return null;
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.Name is null)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{frame.Index}]");
            }
            else
            {
                path.Append('.').Append(frame.Name);
            }
        }

        return path.ToString();
    }

    private readonly record struct Frame(string? Name, int Index);
}
