using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>Describes the token a reader stands on, short enough for an error message.</summary>
internal static class JsonTokenText
{
    private const int MaxLength = 40;

    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.String => TryGetString(ref reader) is { } text ? Quote(text) : "a string that is not valid UTF-8",
        JsonTokenType.Number => Shorten(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan)),
        _ => reader.TokenType.ToString(),
    };

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Quote(string text) => "\"" + Shorten(text) + "\"";

    private static string Shorten(string text) => text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
}
