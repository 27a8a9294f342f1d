using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>The camelCase JSON names of an enum's members, without the <c>Unset</c> member.</summary>
/// <remarks>
/// The model's enums have a handful of members each, so the names are scanned rather than hashed: as quick,
/// and much cheaper to start. Every enum is a separate generic instantiation that the JIT compiles when the
/// first document is read, and a frozen dictionary per enum cost some 180 methods to compile at start-up.
/// </remarks>
internal static class EnumNames<T>
    where T : struct, Enum
{
    private static readonly T[] Values = Members();

    private static readonly string[] Names = Array.ConvertAll(Values, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, System.Text.Encoding.UTF8.GetBytes);

    public static readonly string Expected = string.Join(", ", Names.Order(StringComparer.Ordinal).Select(n => $"\"{n}\""));

    private static T[] Members()
    {
        // Unset (0) is never written or accepted by name.
        var all = Enum.GetValues<T>();
        var members = new T[all.Count(v => !IsUnset(v))];
        var count = 0;
        foreach (var value in all)
        {
            if (!IsUnset(value))
            {
                members[count++] = value;
            }
        }

        return members;
    }

    private static bool IsUnset(T value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 0;

    /// <summary>The JSON name of <paramref name="value"/>; <c>null</c> for <c>Unset</c> or a value that names no member.</summary>
    public static string? NameOf(T value)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (EqualityComparer<T>.Default.Equals(Values[i], value))
            {
                return Names[i];
            }
        }

        return null;
    }

    public static T Read(ref Utf8JsonReader reader, bool nullAllowed)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // Compares the text as read, escapes included, as reading it into a string first would.
            for (var i = 0; i < Utf8Names.Length; i++)
            {
                if (reader.ValueTextEquals(Utf8Names[i]))
                {
                    return Values[i];
                }
            }
        }

        var also = nullAllowed ? " or null" : string.Empty;
        throw new JsonException($"expected one of {Expected}{also}, got {JsonTokenText.Describe(ref reader)}");
    }

    /// <summary>An enum field: <c>null</c> is the observed empty value (<c>Unset</c>).</summary>
    public static T ReadNullable(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? default : Read(ref reader, nullAllowed: true);

    /// <summary>An enum field's value: its name, or <c>null</c> for a value without one (<c>Unset</c>).</summary>
    public static void WriteNullable(Utf8JsonWriter writer, T? value)
    {
        if (value is { } v && NameOf(v) is { } name)
        {
            writer.WriteStringValue(name);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>An enum in a list: its name; a value without one cannot be written.</summary>
    public static void WriteNamed(Utf8JsonWriter writer, T value) =>
        writer.WriteStringValue(NameOf(value) ?? throw new JsonException($"{typeof(T).Name} value {value} has no JSON name; a list holds named members only"));
}

/// <summary>An optional enum field: a member name, or <c>null</c> for "observed unset".</summary>
internal sealed class NullableEnumConverter<T> : JsonConverter<T?>
    where T : struct, Enum
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EnumNames<T>.ReadNullable(ref reader);

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) =>
        EnumNames<T>.WriteNullable(writer, value);
}

/// <summary>An enum inside a list, where <c>null</c> has no meaning.</summary>
internal sealed class EnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EnumNames<T>.Read(ref reader, nullAllowed: false);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        EnumNames<T>.WriteNamed(writer, value);
}
