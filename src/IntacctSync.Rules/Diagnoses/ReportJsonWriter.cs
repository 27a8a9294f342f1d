using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntacctSync.Rules.Diagnoses;

/// <summary>
/// Writes a <see cref="DiagnosisReport"/> as the contract's JSON with a <see cref="Utf8JsonWriter"/>, property by
/// property: the bytes <see cref="JsonSerializer"/> writes for the model (camelCase names in declaration order,
/// enums as camelCase strings, nulls written, dictionary keys as they are, the relaxed encoder), without the
/// serializer's metadata. A test holds the two equal on every case report and on hostile texts.
/// </summary>
/// <remarks>
/// Why by hand: the report is written once per diagnosis (every line of a batch), and the serializer's
/// metadata-driven path was about a sixth of a batch's CPU time in a profile, and a tenth of the methods a single
/// <c>diagnose</c> compiles at start-up. The serializer's own fast path is ruled out: it does not run with a
/// custom encoder, which the contract's text needs (quotes and non-ASCII kept as they are).
/// Not thread-safe; one spare writer per layout is kept for the process, taken with an interlocked exchange
/// (as <see cref="Rules.FactWriter"/> does).
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The JSON writer only writes to a managed buffer and holds nothing to release; it is reused for the process's lifetime.")]
internal sealed class ReportJsonWriter
{
    // Past this size a buffer is not kept, so that one huge report does not stay in memory for good.
    private const int KeepBelow = 64 * 1024;

    private static ReportJsonWriter? _indented;
    private static ReportJsonWriter? _compact;

    private static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schemaVersion");
    private static readonly JsonEncodedText Diagnoses = JsonEncodedText.Encode("diagnoses");
    private static readonly JsonEncodedText Unexplained = JsonEncodedText.Encode("unexplained");
    private static readonly JsonEncodedText Faults = JsonEncodedText.Encode("faults");
    private static readonly JsonEncodedText Incomplete = JsonEncodedText.Encode("incomplete");
    private static readonly JsonEncodedText ErrorName = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
    private static readonly JsonEncodedText CertaintyName = JsonEncodedText.Encode("certainty");
    private static readonly JsonEncodedText Causes = JsonEncodedText.Encode("causes");
    private static readonly JsonEncodedText RuledOut = JsonEncodedText.Encode("ruledOut");
    private static readonly JsonEncodedText Steps = JsonEncodedText.Encode("steps");
    private static readonly JsonEncodedText Missing = JsonEncodedText.Encode("missingEvidence");
    private static readonly JsonEncodedText EvidenceName = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText Facts = JsonEncodedText.Encode("facts");
    private static readonly JsonEncodedText Order = JsonEncodedText.Encode("order");
    private static readonly JsonEncodedText SystemName = JsonEncodedText.Encode("system");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText ActionName = JsonEncodedText.Encode("action");
    private static readonly JsonEncodedText Cause = JsonEncodedText.Encode("cause");
    private static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");
    private static readonly JsonEncodedText Why = JsonEncodedText.Encode("why");

    private static readonly JsonEncodedText[] CertaintyValues = Values<Certainty>();
    private static readonly JsonEncodedText[] KindValues = Values<ErrorKind>();
    private static readonly JsonEncodedText[] SystemValues = Values<StepSystem>();

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;

    private ReportJsonWriter(bool indented)
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = indented,
            NewLine = "\n",
            SkipValidation = true,
        });
    }

    /// <summary>The report as JSON text.</summary>
    public static string WriteString(DiagnosisReport report, bool indented)
    {
        var writer = Rent(indented);
        try
        {
            return Encoding.UTF8.GetString(writer.Render(report));
        }
        finally
        {
            Return(writer, indented);
        }
    }

    /// <summary>The report as UTF-8 JSON, appended to <paramref name="stream"/>.</summary>
    public static void WriteTo(DiagnosisReport report, Stream stream, bool indented)
    {
        var writer = Rent(indented);
        try
        {
            stream.Write(writer.Render(report));
        }
        finally
        {
            Return(writer, indented);
        }
    }

    private static ReportJsonWriter Rent(bool indented) =>
        Interlocked.Exchange(ref indented ? ref _indented : ref _compact, null) ?? new ReportJsonWriter(indented);

    /// <summary>Keeps the writer for the next report, unless it grew too large.</summary>
    private static void Return(ReportJsonWriter writer, bool indented)
    {
        if (writer._buffer.Capacity < KeepBelow)
        {
            Volatile.Write(ref indented ? ref _indented : ref _compact, writer);
        }
    }

    private ReadOnlySpan<byte> Render(DiagnosisReport report)
    {
        // Reset first, not after: a failure mid-write must not leave half a report for the next one.
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        Write(report);
        _json.Flush();
        return _buffer.WrittenSpan;
    }

    private void Write(DiagnosisReport report)
    {
        var json = _json;
        json.WriteStartObject();
        json.WriteNumber(SchemaVersion, report.SchemaVersion);
        json.WriteStartArray(Diagnoses);
        for (var i = 0; i < report.Diagnoses.Count; i++)
        {
            Write(report.Diagnoses[i]);
        }

        json.WriteEndArray();
        WriteStrings(Unexplained, report.Unexplained);
        if (report.Faults.Count > 0)
        {
            json.WriteStartArray(Faults);
            foreach (var fault in report.Faults)
            {
                json.WriteStartObject();
                json.WriteString(Rule, fault.Rule);
                json.WriteString(Subject, fault.Subject);
                json.WriteString(ErrorName, fault.Error);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (report.Incomplete.Count > 0)
        {
            WriteStrings(Incomplete, report.Incomplete);
        }

        json.WriteEndObject();
    }

    private void Write(Diagnosis diagnosis)
    {
        var json = _json;
        json.WriteStartObject();
        json.WriteString(Code, diagnosis.Code);
        json.WriteString(Kind, Name(KindValues, diagnosis.Kind));
        json.WriteString(Title, diagnosis.Title);
        json.WriteString(Message, diagnosis.Message);
        json.WriteStartObject(Subject);
        foreach (var (name, value) in diagnosis.Subject)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteString(CertaintyName, Name(CertaintyValues, diagnosis.Certainty));
        WriteCauses(Causes, diagnosis.Causes);
        WriteCauses(RuledOut, diagnosis.RuledOut);

        json.WriteStartArray(Steps);
        for (var i = 0; i < diagnosis.Steps.Count; i++)
        {
            var step = diagnosis.Steps[i];
            json.WriteStartObject();
            json.WriteNumber(Order, step.Order);
            json.WriteString(SystemName, Name(SystemValues, step.System));
            json.WriteString(PathName, step.Path);
            json.WriteString(ActionName, step.Action);
            json.WriteString(Cause, step.Cause);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray(Missing);
        for (var i = 0; i < diagnosis.MissingEvidence.Count; i++)
        {
            var missing = diagnosis.MissingEvidence[i];
            json.WriteStartObject();
            json.WriteString(Field, missing.Field);
            json.WriteString(Why, missing.Why);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(EvidenceName, diagnosis.Evidence);
        json.WriteString(Rule, diagnosis.Rule);
        json.WriteEndObject();
    }

    private void WriteCauses(JsonEncodedText name, IReadOnlyList<DiagnosedCause> causes)
    {
        var json = _json;
        json.WriteStartArray(name);
        for (var i = 0; i < causes.Count; i++)
        {
            var cause = causes[i];
            json.WriteStartObject();
            json.WriteString(Id, cause.Id);
            json.WriteString(Summary, cause.Summary);
            WriteStrings(Facts, cause.Facts);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void WriteStrings(JsonEncodedText name, IReadOnlyList<string> values)
    {
        var json = _json;
        json.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            json.WriteStringValue(values[i]);
        }

        json.WriteEndArray();
    }

    private static JsonEncodedText Name<T>(JsonEncodedText[] names, T value)
        where T : struct, Enum
    {
        var index = System.Runtime.CompilerServices.Unsafe.BitCast<T, int>(value);
        return (uint)index < (uint)names.Length
            ? names[index]
            : throw new JsonException($"{typeof(T).Name} value {index} is not one of the contract's values ({string.Join(", ", Enum.GetNames<T>())}); the report cannot be written.");
    }

    private static JsonEncodedText[] Values<T>()
        where T : struct, Enum
    {
        // The names JsonStringEnumConverter writes with the camelCase policy; the enums are dense from 0.
        var values = Enum.GetValues<T>();
        var encoded = new JsonEncodedText[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (Convert.ToInt32(values[i], System.Globalization.CultureInfo.InvariantCulture) != i)
            {
                throw new InvalidOperationException($"{typeof(T).Name} must be numbered 0..{values.Length - 1} for the report writer.");
            }

            encoded[i] = JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(values[i].ToString()));
        }

        return encoded;
    }
}
