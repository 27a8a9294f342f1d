using System.Globalization;
using System.Text.Json;

namespace IntacctSync.Rules.Evidence.Json;

internal sealed class BooleanConverter : StrictValueConverter<bool>
{
    protected override string Expected => "true/false";

    protected override bool TryRead(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    protected override void WriteValue(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
}

internal sealed class Int32Converter : StrictValueConverter<int>
{
    protected override string Expected => "a whole number";

    protected override bool TryRead(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value);
    }

    protected override void WriteValue(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);
}

internal sealed class DecimalConverter : StrictValueConverter<decimal>
{
    protected override string Expected => "a number";

    protected override bool TryRead(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out value);
    }

    protected override void WriteValue(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);
}

internal sealed partial class DateTimeOffsetConverter : StrictValueConverter<DateTimeOffset>
{
    protected override string Expected => "a date-time such as \"2026-11-20T09:12:00Z\"";

    protected override bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        // RFC 3339, as the contract and the schema say: a date, a time and an offset (or Z).
        value = default;
        return reader.TokenType == JsonTokenType.String
            && reader.TryGetDateTimeOffset(out value)
            && Rfc3339Tail().IsMatch(reader.GetString()!);
    }

    protected override void WriteValue(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial System.Text.RegularExpressions.Regex Rfc3339Tail();
}

internal sealed class DateOnlyConverter : StrictValueConverter<DateOnly>
{
    protected override string Expected => "a date such as \"2026-11-20\"";

    protected override bool TryRead(ref Utf8JsonReader reader, out DateOnly value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String
            && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    protected override void WriteValue(Utf8JsonWriter writer, DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>One instance of each strict scalar converter, for the readers and writers that call them directly.</summary>
internal static class StrictScalars
{
    public static readonly BooleanConverter Booleans = new();
    public static readonly Int32Converter Int32s = new();
    public static readonly DecimalConverter Decimals = new();
    public static readonly DateTimeOffsetConverter DateTimes = new();
    public static readonly DateOnlyConverter Dates = new();
}
