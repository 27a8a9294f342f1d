using System.Text;
using System.Text.Json;
using IntacctSync.Rules.Classification;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests.Adversarial;

/// <summary>
/// Inputs built to be expensive stay linear in their size. Time is measured in bench/ (AdversarialBenchmarks),
/// never here: these tests hold what can be counted without a clock. Each family is classified at n and 2n after a
/// warm-up; the allocation of the larger may be at most <see cref="Growth"/> times that of the smaller (quadratic
/// paths that copy or rescan per item show as about 4x), and the JSON report is at most <see cref="OutputRatio"/> times
/// the evidence plus a few kilobytes.
/// </summary>
public sealed class BoundedCostTests
{
    // Linear doubles (2x); a copy or rescan per item quadruples (4x). 3x leaves room for the load-sensitive fallback to the
    // linear regex engine (see the measurement below) while any quadratic path still fails.
    private const double Growth = 3.0;

    /// <summary>The report's size per byte of evidence at most (README, "Bounded cost"); a diagnosis per 50-byte API error is the worst case.</summary>
    private const int OutputRatio = 100;

    private const int OutputSlack = 16 * 1024;

    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create();

    // The opening words of every built-in template, up to its first placeholder (or half of it).
    private static readonly string AllPrefixes = string.Concat(
        RuleSet.Load(includeBuiltIn: true, []).Rules
            .Select(r => r.MessageTemplate)
            .OfType<string>()
            .Select(t => t.IndexOfAny(['[', '{']) is var i and > 0 ? t[..i] : t[..(t.Length / 2)]));

    public static TheoryData<string> Families() => [.. EvidenceFamilies.Keys];

    private static readonly Dictionary<string, Func<int, string>> EvidenceFamilies = new()
    {
        // A template's opening words repeated with nothing after them: each start is a possible match.
        ["one long message of a template's prefix"] = n => Document(messages: [Repeat("Sage Intacct couldn't return values for dimension ", n * 40)]),
        ["many messages of every template's prefix"] = n => Document(messages: Enumerable.Range(0, n / 4).Select(_ => Repeat(AllPrefixes, 4)).ToArray()),
        ["API errors naming one object"] = n => Document(apiErrors: Enumerable.Range(0, n * 8).Select(_ => ApiError("Object definition COSTCENTER not found", "COSTCENTER")).ToArray()),
        ["API errors naming many objects"] = n => Document(apiErrors: Enumerable.Range(0, n * 2).Select(i => ApiError($"Object definition UDD{i} not found", $"UDD{i}")).ToArray()),
        ["API errors naming fewer objects than the report holds"] = n => Document(apiErrors: Enumerable.Range(0, n / 2).Select(i => ApiError($"Object definition UDD{i} not found", $"UDD{i}")).ToArray()),
        ["wrappers beside explained errors"] = n => Document(apiErrors: Enumerable.Range(0, n * 4).Select(i => i % 2 == 0
            ? ApiError("Could not create cctransaction record!", "CCTRANSACTION")
            : ApiError("Object definition COSTCENTER not found", "COSTCENTER")).ToArray()),
        ["API errors refusing permission on one object"] = n => Document(apiErrors: Enumerable.Range(0, n * 8).Select(_ => ApiError("You do not have permission for API operation READ_BY_QUERY on objects of type COSTCENTER", "COSTCENTER")).ToArray()),
        ["nested dimensions and rights"] = n => Document(dimensions: n * 2),
        ["card transaction wrappers beside other errors of an export"] = n => Document(operation: "export", apiErrors: Enumerable.Range(0, n * 4).Select(i => i % 2 == 0
            ? ApiError("Could not create cctransaction record!", "CCTRANSACTION", "create")
            : ApiError("Currently, we can't create the transaction", "GLBATCH", "create")).ToArray()),
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Classify_DoublingAnAdversarialDocument_AtMostDoublesTheCost(string family)
    {
        var make = EvidenceFamilies[family];
        Classifier.Classify(SyncEvidenceJson.Read(make(50)));  // warm-up: lazily built patterns, first-call paths

        // Each size measured three times, the smallest kept. A message pattern that runs past its 5 ms backtracking
        // budget (on a loaded machine: CI runs the browser tests beside these) is matched again by the linear engine,
        // which allocates more; how often that happens depends on the machine, not on the document. Seen in CI: 2.83x
        // for a family that measures 2.00x on a quiet machine.
        var (small, smallJson) = Min(Min(Measure(make(500)), Measure(make(500))), Measure(make(500)));
        var (large, largeJson) = Min(Min(Measure(make(1000)), Measure(make(1000))), Measure(make(1000)));

        Assert.True(large <= Growth * small, $"{family}: {small:N0} bytes allocated at n, {large:N0} at 2n ({(double)large / small:N2}x; linear is about 2x)");
        var inputBytes = Encoding.UTF8.GetByteCount(make(1000));
        Assert.True(largeJson <= (OutputRatio * (long)inputBytes) + OutputSlack, $"{family}: a {inputBytes:N0}-byte document gave a {largeJson:N0}-byte report");
        Assert.True(smallJson > 0);

        static (long Allocated, long ReportBytes) Min((long Allocated, long ReportBytes) a, (long Allocated, long ReportBytes) b) =>
            a.Allocated <= b.Allocated ? a : b;

        static (long Allocated, long ReportBytes) Measure(string json)
        {
            var evidence = SyncEvidenceJson.Read(json);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var report = Classifier.Classify(evidence);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return (allocated, Encoding.UTF8.GetByteCount(DiagnosisReportJson.Write(report)));
        }
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("rest")]
    public void ReadResponse_DoublingTheErrors_AtMostDoublesTheCost(string format)
    {
        IntacctResponseReader.Read(Response(format, 50));

        var small = Measure(Response(format, 2000));
        var large = Measure(Response(format, 4000));

        Assert.True(large <= Growth * small, $"{format}: {small:N0} bytes allocated for 2,000 errors, {large:N0} for 4,000");

        static long Measure(string response)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var errors = IntacctResponseReader.Read(response);
            Assert.NotEmpty(errors);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }

    [Fact]
    public void Classify_RecognitionBudgetSpent_ListsWhatWasNotTriedAndSaysSo()
    {
        var classifier = new RuleBasedClassifier(RuleSet.Load(includeBuiltIn: true, []), TimeProvider.System) { RecognitionBudget = TimeSpan.Zero };
        const string Message = "INT402 Sync Error: Sage Intacct couldn't return values for dimension Fund.";
        var messagesOnly = SyncEvidenceJson.Read(Document(messages: [Message, Message]));

        var report = classifier.Classify(messagesOnly);

        // Nothing was tried, so no code is diagnosed from the texts (only the failed job's fallback); every text is
        // listed, none dropped.
        Assert.Equal("UNCLASSIFIED", Assert.Single(report.Diagnoses).Code);
        Assert.Equal([Message, Message], report.Unexplained);
        var note = Assert.Single(report.Incomplete);
        Assert.Contains("2 messages not tried", note, StringComparison.Ordinal);
        Assert.Contains("\"incomplete\": [", DiagnosisReportJson.Write(report), StringComparison.Ordinal);

        // API errors count too (this one is still joined to its dimension, which does not need recognition).
        var withApiError = classifier.Classify(SyncEvidenceJson.Read(Document(messages: [Message], apiErrors: [ApiError("Object definition FUND not found", "FUND")])));
        Assert.Contains("1 message not tried, 1 API error not tried", Assert.Single(withApiError.Incomplete), StringComparison.Ordinal);
        Assert.Contains(Message, withApiError.Unexplained);
    }

    [Fact]
    public void Classify_MoreDiagnosesThanAReportHolds_WritesTheBestAndListsTheRest()
    {
        const int Objects = ReportBuilder.MaxDiagnoses + 250;
        var evidence = SyncEvidenceJson.Read(Document(
            messages: ["INT402 Sync Error: Sage Intacct couldn't return values for dimension UDD9999."],
            apiErrors: Enumerable.Range(0, Objects).Select(i => ApiError($"Object definition UDD{i} not found", $"UDD{i}")).ToArray()));

        var report = Classifier.Classify(evidence);

        Assert.Equal(ReportBuilder.MaxDiagnoses, report.Diagnoses.Count);
        Assert.All(report.Diagnoses, d => Assert.Equal("INT402", d.Code));
        var note = Assert.Single(report.Incomplete);
        Assert.Contains($"the first {ReportBuilder.MaxDiagnoses:N0} of {Objects:N0} diagnoses", note, StringComparison.Ordinal);

        // Every API error is either cited by a diagnosis written or listed; the message naming a dimension that was
        // left out is listed too.
        var written = report.Diagnoses.Select(d => d.Subject["dimension"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var listed = report.Unexplained.Where(u => u.StartsWith("BL01001973", StringComparison.Ordinal)).ToList();
        Assert.Equal(Objects - ReportBuilder.MaxDiagnoses, listed.Count);
        Assert.All(listed, u => Assert.DoesNotContain(written, w => u.Contains($" {w} ", StringComparison.Ordinal)));
        // Diagnoses of one code are ordered by subject: UDD9999 comes after the first 10,000 (UDD0, UDD1, UDD10, ...).
        Assert.DoesNotContain("UDD9999", written);
        Assert.Contains("INT402 Sync Error: Sage Intacct couldn't return values for dimension UDD9999.", report.Unexplained);
    }

    [Fact]
    public void Classify_WithinTheBudget_ReportsNothingIncomplete()
    {
        const string Message = "INT402 Sync Error: Sage Intacct couldn't return values for dimension Fund.";

        var report = Classifier.Classify(SyncEvidenceJson.Read(Document(messages: [Message])));

        Assert.Equal("INT402", Assert.Single(report.Diagnoses).Code);
        Assert.Empty(report.Incomplete);
        Assert.DoesNotContain("incomplete", DiagnosisReportJson.Write(report), StringComparison.Ordinal);
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static object ApiError(string description, string @object, string function = "readByQuery") =>
        new { errorNo = "BL01001973", description, function, @object };

    private static string Document(string[]? messages = null, object[]? apiErrors = null, int dimensions = 0, string operation = "sync") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["schemaVersion"] = 1,
            ["operation"] = operation,
            ["outcome"] = "failed",
            ["messages"] = messages,
            ["apiErrors"] = apiErrors,
            ["workspace"] = dimensions == 0 ? null : new
            {
                coding = new { dimensions = Enumerable.Range(0, dimensions).Select(i => new { id = $"UDD{i}", enabled = true, importAs = "tag" }) },
            },
            ["intacct"] = dimensions == 0 ? null : new
            {
                dimensions = Enumerable.Range(0, dimensions).Select(i => new { id = $"UDD{i}", userDefined = true, exists = true, active = i % 2 == 0, configured = true }),
            },
            ["webServicesUser"] = dimensions == 0 ? null : new
            {
                objects = Enumerable.Range(0, dimensions).ToDictionary(i => $"UDD{i}", _ => new[] { "list" }),
            },
        }.Where(p => p.Value is not null).ToDictionary());

    private static string Response(string format, int errors)
    {
        var text = new StringBuilder();
        if (format == "xml")
        {
            text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result><status>failure</status><function>readByQuery</function><errormessage>");
            for (var i = 0; i < errors; i++)
            {
                text.Append("<error><errorno>BL01001973</errorno><description>Object definition UDD").Append(i).Append(" not found</description><description2></description2><correction></correction></error>");
            }

            return text.Append("</errormessage></result></operation></response>").ToString();
        }

        text.Append("{\"ia::result\":{\"ia::error\":{\"code\":\"invalidRequest\",\"message\":\"The request is not valid\",\"details\":[");
        for (var i = 0; i < errors; i++)
        {
            text.Append(i == 0 ? "" : ",").Append("{\"code\":\"notFound\",\"message\":\"Object definition UDD").Append(i).Append(" not found\"}");
        }

        return text.Append("]}},\"ia::meta\":{\"totalCount\":1,\"totalSuccess\":0,\"totalError\":1}}").ToString();
    }
}
