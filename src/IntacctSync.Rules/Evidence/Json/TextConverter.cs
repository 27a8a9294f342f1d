using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>Reads text; JSON <c>null</c> on a text field means "observed empty" and reads as <c>""</c>.</summary>
internal sealed class TextConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => string.Empty,
            JsonTokenType.String => reader.GetString()!,
            _ => throw new JsonException($"expected a string or null, got {JsonTokenText.Describe(ref reader)}"),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString()!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);
}
