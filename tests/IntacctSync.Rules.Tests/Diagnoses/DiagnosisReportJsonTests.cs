using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Diagnoses;

/// <summary>
/// The report writer is hand-written (<c>ReportJsonWriter</c>); what it must write is what System.Text.Json writes
/// for the report model with the contract's options. <see cref="Reference"/> is that serializer, kept here as the
/// oracle: both layouts must match it byte for byte on every case report and on texts that need escaping.
/// </summary>
public class DiagnosisReportJsonTests
{
    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new RuleCorpusTests.FixedTime());

    public static TheoryData<string> Cases() => new(RuleCorpusTests.CaseFiles());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_CaseReport_EqualsTheSerializersOutput(string relativePath)
    {
        var evidence = SyncEvidenceJson.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Cases, relativePath)), relativePath);
        var report = Classifier.Classify(evidence);

        AssertSameAsSerializer(report);
    }

    [Fact]
    public void Write_CaseReports_IncludeEveryKindOfContent()
    {
        // The comparison above only proves something for content the cases hold: make sure they hold all of it.
        var reports = RuleCorpusTests.CaseFiles()
            .Select(f => Classifier.Classify(SyncEvidenceJson.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Cases, f)), f)))
            .ToArray();
        var diagnoses = reports.SelectMany(r => r.Diagnoses).ToArray();

        Assert.Contains(reports, r => r.Diagnoses.Count == 0);
        Assert.Contains(reports, r => r.Diagnoses.Count > 1);
        Assert.Contains(reports, r => r.Unexplained.Count > 0);
        Assert.Equal(Enum.GetValues<Certainty>(), diagnoses.Select(d => d.Certainty).Distinct().Order());
        Assert.Equal(Enum.GetValues<ErrorKind>(), diagnoses.Select(d => d.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<StepSystem>(), diagnoses.SelectMany(d => d.Steps).Select(s => s.System).Distinct().Order());
        Assert.Contains(diagnoses, d => d.Subject.Count == 0);
        Assert.Contains(diagnoses, d => d.Subject.Count > 1);
        Assert.Contains(diagnoses, d => d.RuledOut.Count == 0);
        Assert.Contains(diagnoses, d => d.MissingEvidence.Count > 0);
        Assert.Contains(diagnoses, d => d.Evidence.Count > 0);
        Assert.Contains(diagnoses, d => d.Steps.Any(s => s.Cause is null) && d.Steps.Any(s => s.Cause is not null));
        Assert.Contains(diagnoses, d => d.Message.Any(c => c > 127));
        Assert.Contains(diagnoses, d => d.Causes.Concat(d.RuledOut).SelectMany(c => c.Facts).Any(f => f.Contains('"', StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("quotes \" and \\ backslash, apostrophe ' and <html> & +")]
    [InlineData("control \u0001 \u001f tab\t newline\n return\r")]
    [InlineData("non-ASCII: é ’ – … ß 東京 and an emoji 😀")]
    [InlineData("line separators \u2028 \u2029 and a BOM \ufeff")]
    [InlineData("")]
    public void Write_TextThatNeedsEscaping_EqualsTheSerializersOutput(string text)
    {
        var step = new RemediationStep(1, StepSystem.Other, text.Length == 0 ? "p" : text, "a" + text, text);
        var diagnosis = new Diagnosis(
            "INT999",
            ErrorKind.Connection,
            text,
            text,
            new Dictionary<string, string> { [text] = text, ["second" + text] = string.Empty },
            Certainty.Possible,
            [new DiagnosedCause("id" + text, "summary" + text, [text, text])],
            [],
            [step, new RemediationStep(2, StepSystem.Expensify, "path", "action", null)],
            [new MissingEvidence("field" + text, "why" + text)],
            [text],
            text);
        var report = new DiagnosisReport([diagnosis, diagnosis], [text, "x"]);
        AssertSameAsSerializer(report);

        var faulted = new DiagnosisReport([diagnosis], [text], [new RuleFault("rule" + text, "subject" + text, "error" + text), new RuleFault("r", "s", "e")]);
        AssertSameAsSerializer(faulted);
    }

    [Fact]
    public void Write_ReportWithFaults_ListsThemAfterUnexplained()
    {
        var report = new DiagnosisReport([], [], [new RuleFault("my-rules/INT999.json", "dimension REGION", "INT999: NullReferenceException: boom")]);

        Assert.Equal(
            "{\n  \"schemaVersion\": 1,\n  \"diagnoses\": [],\n  \"unexplained\": [],\n  \"faults\": [\n    {\n      \"rule\": \"my-rules/INT999.json\",\n"
            + "      \"subject\": \"dimension REGION\",\n      \"error\": \"INT999: NullReferenceException: boom\"\n    }\n  ]\n}",
            DiagnosisReportJson.Write(report));
        AssertSameAsSerializer(report);
    }

    [Fact]
    public void Write_ReportCutShort_ListsIncompleteLast()
    {
        var report = new DiagnosisReport([], ["a message"], [new RuleFault("r.json", "document", "boom")], ["Message recognition was cut short."]);

        Assert.EndsWith("\n  ],\n  \"incomplete\": [\n    \"Message recognition was cut short.\"\n  ]\n}", DiagnosisReportJson.Write(report), StringComparison.Ordinal);
        AssertSameAsSerializer(report);
    }

    [Fact]
    public void Write_EmptyReport_IsTheContractsEmptyReport()
    {
        var report = new DiagnosisReport([], []);

        Assert.Equal("{\n  \"schemaVersion\": 1,\n  \"diagnoses\": [],\n  \"unexplained\": []\n}", DiagnosisReportJson.Write(report));
        AssertSameAsSerializer(report);
    }

    [Fact]
    public void Write_CertaintyOutsideTheContract_FailsNamingTheValue()
    {
        var diagnosis = new Diagnosis("INT402", ErrorKind.Sync, "t", "m", new Dictionary<string, string>(), (Certainty)7, [], [], [], [], [], "r");

        var error = Assert.Throws<JsonException>(() => DiagnosisReportJson.Write(new DiagnosisReport([diagnosis], [])));

        Assert.Contains("Certainty value 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("Confirmed, Likely, Possible", error.Message, StringComparison.Ordinal);

        // The writer is reused: a failed report leaves nothing behind for the next one.
        var next = new DiagnosisReport([], ["after"]);
        Assert.Equal(Reference(next, indented: true), DiagnosisReportJson.Write(next));
    }

    [Fact]
    public void Write_ManyThreads_EachGetsItsOwnReport()
    {
        var reports = RuleCorpusTests.CaseFiles()
            .Select(f => Classifier.Classify(SyncEvidenceJson.Read(File.ReadAllBytes(Path.Combine(RepoPaths.Cases, f)), f)))
            .ToArray();
        var expected = reports.Select(r => Reference(r, indented: false)).ToArray();

        Parallel.For(0, reports.Length * 20, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var k = i % reports.Length;
            Assert.Equal(expected[k], Compact(reports[k]));
        });
    }

    private static void AssertSameAsSerializer(DiagnosisReport report)
    {
        Assert.Equal(Reference(report, indented: true), DiagnosisReportJson.Write(report));
        Assert.Equal(Reference(report, indented: false), Compact(report));
    }

    private static string Compact(DiagnosisReport report)
    {
        using var stream = new MemoryStream();
        stream.Write("prefix "u8);
        DiagnosisReportJson.Write(report, stream, indented: false);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("prefix ", text, StringComparison.Ordinal);
        return text["prefix ".Length..];
    }

    private static string Reference(DiagnosisReport report, bool indented) =>
        JsonSerializer.Serialize(report, (indented ? ReferenceJson.Indented : ReferenceJson.Compact).GetTypeInfo(typeof(DiagnosisReport)));
}

/// <summary>
/// The options the library's report JSON was written with before the writer was hand-written, plus the
/// contract's conditional members: <c>faults</c> and <c>incomplete</c> are left out when empty.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DiagnosisReport))]
internal sealed partial class ReferenceJson : JsonSerializerContext
{
    // Built on first use: the generated Default is not yet there while this class's static fields are initialized.
    private static JsonSerializerOptions? _indented;
    private static JsonSerializerOptions? _compact;

    public static JsonSerializerOptions Indented => _indented ??= CreateOptions(indented: true);

    public static JsonSerializerOptions Compact => _compact ??= CreateOptions(indented: false);

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ((IJsonTypeInfoResolver)Default).WithAddedModifier(static info =>
        {
            foreach (var property in info.Properties)
            {
                if (info.Type == typeof(DiagnosisReport) && property.Name == "faults")
                {
                    property.ShouldSerialize = static (_, value) => value is IReadOnlyList<RuleFault> { Count: > 0 };
                }

                if (info.Type == typeof(DiagnosisReport) && property.Name == "incomplete")
                {
                    property.ShouldSerialize = static (_, value) => value is IReadOnlyList<string> { Count: > 0 };
                }
            }
        }),
        Converters =
        {
            new JsonStringEnumConverter<Certainty>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
            new JsonStringEnumConverter<ErrorKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
            new JsonStringEnumConverter<StepSystem>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        },
    };
}
