using System.Text.Json;
using static IntacctSync.Rules.JsonReaderSteps;

namespace IntacctSync.Rules.Rules.Definition;

/// <summary>
/// Reads a well-formed rule file straight off a <see cref="Utf8JsonReader"/>, as <see cref="RuleDocumentJsonContext"/>
/// reads it (comments skipped, trailing commas allowed, unknown and repeated fields refused, nulls kept), or gives
/// up. The per-type methods are generated (<c>FastRuleDocumentReader.g.cs</c>).
/// </summary>
/// <remarks>
/// It never decides that a file is wrong: on anything it does not accept outright it returns <c>null</c> and the
/// compiler reads the file through System.Text.Json, which accepts it or reports the problem with its line. Why: the
/// serializer's metadata for the rule types was about a sixth of what loading the catalog JIT-compiles in a fresh
/// process. A test holds the two readers equal on every built-in rule file and on mutated ones.
/// </remarks>
internal static partial class FastRuleDocumentReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private delegate T ElementReader<T>(ref Utf8JsonReader reader);

    /// <summary>The rule document in <paramref name="utf8"/>, or <c>null</c> when it is not plainly well-formed.</summary>
    public static RuleDocument? TryRead(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            if (Next(ref reader) != JsonTokenType.StartObject)
            {
                return null;
            }

            var document = ReadRuleDocument(ref reader);

            // Trailing whitespace and comments are fine; anything else makes the reader throw.
            return reader.Read() ? null : document;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever went wrong, the serializer path decides, and says where.
            return null;
        }
    }

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new GiveUp(),
    };

    private static bool Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new GiveUp(),
    };

    private static List<T>? List<T>(ref Utf8JsonReader reader, ElementReader<T> element)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<T>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            list.Add(element(ref reader));
        }

        return list;
    }

    private static Dictionary<string, string>? Map(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var map = new Dictionary<string, string>();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            Next(ref reader);
            if (!map.TryAdd(key, Text(ref reader)!))
            {
                throw new GiveUp();
            }
        }

        return map;
    }
}
