using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntacctSync.Rules.Diagnoses;

/// <summary>Writes a <see cref="DiagnosisReport"/> as the contract's JSON (camelCase, indented).</summary>
/// <remarks>Thread-safe.</remarks>
public static class DiagnosisReportJson
{
    /// <summary>Writes the report as JSON text.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text, indented, with <c>\n</c> line ends.</returns>
    public static string Write(DiagnosisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, ReportJsonContext.Indented.DiagnosisReport);
    }

    /// <summary>Writes the report as UTF-8 JSON to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="indented">Whether to indent (one line per report otherwise, as in batch output).</param>
    public static void Write(DiagnosisReport report, Stream utf8Json, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(utf8Json);
        var info = indented ? ReportJsonContext.Indented.DiagnosisReport : ReportJsonContext.Compact.DiagnosisReport;
        JsonSerializer.Serialize(utf8Json, report, info);
    }
}

internal sealed class CamelCaseEnumConverter<T> : JsonStringEnumConverter<T>
    where T : struct, Enum
{
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    Converters = [typeof(CamelCaseEnumConverter<Certainty>), typeof(CamelCaseEnumConverter<ErrorKind>), typeof(CamelCaseEnumConverter<StepSystem>)])]
[JsonSerializable(typeof(DiagnosisReport))]
[JsonSerializable(typeof(string))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
    // Reports are read by people: keep quotes, apostrophes and non-ASCII text as they are. Output is
    // JSON text, never embedded in HTML, so the relaxed encoder is safe here.
    public static readonly ReportJsonContext Indented = new(CreateOptions(indented: true));

    public static readonly ReportJsonContext Compact = new(CreateOptions(indented: false));

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new CamelCaseEnumConverter<Certainty>());
        options.Converters.Add(new CamelCaseEnumConverter<ErrorKind>());
        options.Converters.Add(new CamelCaseEnumConverter<StepSystem>());
        return options;
    }
}
