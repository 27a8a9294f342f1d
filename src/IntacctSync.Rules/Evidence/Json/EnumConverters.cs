using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>The camelCase JSON names of an enum's members, without the <c>Unset</c> member.</summary>
internal static class EnumNames<T>
    where T : struct, Enum
{
    public static readonly FrozenDictionary<string, T> ByName = Enum.GetValues<T>()
        .Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0)
        .ToFrozenDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), v => v, StringComparer.Ordinal);

    public static readonly FrozenDictionary<T, string> NameOf = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    public static readonly string Expected = string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal).Select(n => $"\"{n}\""));

    public static T Read(ref Utf8JsonReader reader, bool nullAllowed)
    {
        if (reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value))
        {
            return value;
        }

        var also = nullAllowed ? " or null" : string.Empty;
        throw new JsonException($"expected one of {Expected}{also}, got {JsonTokenText.Describe(ref reader)}");
    }
}

/// <summary>An optional enum field: a member name, or <c>null</c> for "observed unset".</summary>
internal sealed class NullableEnumConverter<T> : JsonConverter<T?>
    where T : struct, Enum
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? default(T) : EnumNames<T>.Read(ref reader, nullAllowed: true);

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } v && EnumNames<T>.NameOf.TryGetValue(v, out var name))
        {
            writer.WriteStringValue(name);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>An enum inside a list, where <c>null</c> has no meaning.</summary>
internal sealed class EnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EnumNames<T>.Read(ref reader, nullAllowed: false);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(EnumNames<T>.NameOf[value]);
}
