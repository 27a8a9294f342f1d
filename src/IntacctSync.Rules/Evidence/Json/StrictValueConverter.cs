using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>
/// Reads an optional scalar strictly: the right token or a clear error. JSON <c>null</c> is refused,
/// because only an absent field means "not observed" for non-text values.
/// </summary>
internal abstract class StrictValueConverter<T> : JsonConverter<T?>
    where T : struct
{
    public override bool HandleNull => true;

    protected abstract string Expected { get; }

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <summary>The value at the reader's token, or a <see cref="JsonException"/> saying what was expected.</summary>
    public T ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw new JsonException($"expected {Expected}, got null; leave the field out when it was not observed");
        }

        if (TryRead(ref reader, out var value))
        {
            return value;
        }

        throw new JsonException($"expected {Expected}, got {JsonTokenText.Describe(ref reader)}");
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            WriteValue(writer, v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes a value as <see cref="Write"/> writes it.</summary>
    public void WriteTo(Utf8JsonWriter writer, T value) => WriteValue(writer, value);

    protected abstract bool TryRead(ref Utf8JsonReader reader, out T value);

    protected abstract void WriteValue(Utf8JsonWriter writer, T value);
}
