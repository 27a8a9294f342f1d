using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using IntacctSync.Rules.Diagnoses;

namespace IntacctSync.Rules.Cli.Rendering.Html;

/// <summary>
/// Gathers the reports of a run for the triage page (<see cref="TriagePageWriter"/>): the tallies of the summary
/// and, per document, what its row and its detail show, as the compact JSON the page's script reads.
/// </summary>
/// <remarks>
/// The documents' data is written to a buffer as they come, with every text stored once in a string table and
/// referred to by index: a plan's steps and a code's title repeat across thousands of documents, so the page grows
/// with what differs between them. Memory grows with the page, which holds every document. Not thread-safe: the
/// batch writer adds reports one at a time, in input order.
/// </remarks>
internal sealed partial class TriagePageBuilder : IDisposable
{
    /// <summary>Texts are escaped for a <c>&lt;script type="application/json"&gt;</c> block: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes, U+2028/2029 and controls as <c>\uXXXX</c>.</summary>
    internal static readonly JsonWriterOptions DataJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly List<string> _table = [];
    private readonly MemoryStream _docsBuffer = new();
    private readonly Utf8JsonWriter _docs;
    private readonly SortedDictionary<string, CodeTally> _codes = new(StringComparer.Ordinal);

    public TriagePageBuilder()
    {
        _docs = new Utf8JsonWriter(_docsBuffer, DataJson);
        _docs.WriteStartArray();
    }

    /// <summary>Reports added: each is one row of the page's table.</summary>
    public long Reports { get; private set; }

    /// <summary>Reports with at least one diagnosis.</summary>
    public long WithDiagnoses { get; private set; }

    /// <summary>Per code, in ordinal order: diagnoses by certainty, established causes, fields still missing.</summary>
    public IReadOnlyDictionary<string, CodeTally> Codes => _codes;

    /// <summary>Adds the report of input line <paramref name="line"/> (1 for a single document).</summary>
    public void Add(long line, DiagnosisReport report)
    {
        Reports++;
        if (report.Diagnoses.Count > 0)
        {
            WithDiagnoses++;
        }

        // [line, [diagnosis...], [unexplained...], [fault...], [incomplete...]]
        _docs.WriteStartArray();
        _docs.WriteNumberValue(line);
        _docs.WriteStartArray();
        foreach (var d in report.Diagnoses)
        {
            Tally(d);
            WriteDiagnosis(d);
        }

        _docs.WriteEndArray();
        WriteStrings(report.Unexplained);
        WriteStrings(report.Faults.Select(f => $"{f.Rule} for {f.Subject}: {f.Error}"));
        WriteStrings(report.Incomplete);
        _docs.WriteEndArray();
    }

    /// <summary>Writes the page's data, <c>{"strings":[...],"docs":[...]}</c>, escaped for a script data block.</summary>
    public void WriteData(Stream output)
    {
        _docs.WriteEndArray();
        _docs.Flush();
        using (var head = new Utf8JsonWriter(output, DataJson))
        {
            head.WriteStartObject();
            head.WriteStartArray("strings");
            foreach (var s in _table)
            {
                head.WriteStringValue(s);
            }

            head.WriteEndArray();
            head.WritePropertyName("docs");
            head.Flush();
        }

        output.Write(_docsBuffer.GetBuffer(), 0, (int)_docsBuffer.Length);
        output.WriteByte((byte)'}');
    }

    public void Dispose()
    {
        _docs.Dispose();
        _docsBuffer.Dispose();
    }

    // [code, certainty, title, message, subject, kind, rule, [cause...], [ruledOut...], [step...], [missing...], [evidence...]]
    private void WriteDiagnosis(Diagnosis d)
    {
        _docs.WriteStartArray();
        WriteString(d.Code);
        _docs.WriteNumberValue((int)d.Certainty);
        WriteString(d.Title);
        WriteString(d.Message);
        WriteString(string.Join(", ", d.Subject.Select(s => $"{s.Key} {s.Value}")));
        WriteString(StepText.KindName(d.Kind));
        WriteString(d.Rule);
        WriteCauses(d.Causes);
        WriteCauses(d.RuledOut);
        _docs.WriteStartArray();
        foreach (var step in d.Steps)
        {
            _docs.WriteStartArray();
            _docs.WriteNumberValue(step.Order);
            WriteString(StepText.SystemName(step.System));
            WriteString(step.Path);
            WriteString(step.Action);
            _docs.WriteEndArray();
        }

        _docs.WriteEndArray();
        _docs.WriteStartArray();
        foreach (var missing in d.MissingEvidence)
        {
            _docs.WriteStartArray();
            WriteString(missing.Field);
            WriteString(missing.Why);
            _docs.WriteEndArray();
        }

        _docs.WriteEndArray();
        WriteStrings(d.Evidence);
        _docs.WriteEndArray();
    }

    private void WriteCauses(IReadOnlyList<DiagnosedCause> causes)
    {
        _docs.WriteStartArray();
        foreach (var cause in causes)
        {
            _docs.WriteStartArray();
            WriteString(cause.Summary);
            WriteStrings(cause.Facts);
            _docs.WriteEndArray();
        }

        _docs.WriteEndArray();
    }

    private void WriteStrings(IEnumerable<string> texts)
    {
        _docs.WriteStartArray();
        foreach (var text in texts)
        {
            WriteString(text);
        }

        _docs.WriteEndArray();
    }

    private void WriteString(string text)
    {
        if (!_strings.TryGetValue(text, out var index))
        {
            index = _table.Count;
            _strings.Add(text, index);
            _table.Add(text);
        }

        _docs.WriteNumberValue(index);
    }

    private void Tally(Diagnosis d)
    {
        if (!_codes.TryGetValue(d.Code, out var tally))
        {
            tally = new CodeTally(d.Title);
            _codes.Add(d.Code, tally);
        }

        tally.ByCertainty[(int)d.Certainty]++;
        // Only a confirmed diagnosis establishes its causes; the others list what remains possible.
        if (d.Certainty == Certainty.Confirmed)
        {
            foreach (var cause in d.Causes)
            {
                tally.Established.Add(cause.Id, cause.Summary);
            }
        }

        // Selectors name one object (intacct.dimensions[REGION].active); what to collect next is the field, for all of them.
        foreach (var field in d.MissingEvidence.Select(m => Selector().Replace(m.Field, "[*]")).Distinct(StringComparer.Ordinal))
        {
            tally.Missing.Add(field, d.MissingEvidence.First(m => Selector().Replace(m.Field, "[*]") == field).Why);
        }
    }

    [GeneratedRegex(@"\[[^\]]*\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Selector();
}
