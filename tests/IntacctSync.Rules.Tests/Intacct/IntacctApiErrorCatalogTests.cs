using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;
using IntacctSync.Rules.Tests.Snapshots;

namespace IntacctSync.Rules.Tests.Intacct;

/// <summary>
/// The 61 catalogued Sage Intacct API error payloads, each as a realistic response in <c>Fixtures/</c>
/// (<c>NN-slug.xml</c> or <c>.json</c>, NN = the payload's index in the shared catalog): read, classified,
/// and snapshotted; and a table of what each must parse to and which code explains it.
/// </summary>
public class IntacctApiErrorCatalogTests
{
    private const string Unexplained = "unexplained";

    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new RuleCorpusTests.FixedTime());

    private static readonly JsonSerializerOptions SnapshotJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string FixtureDirectory => Path.Combine(RepoPaths.TestProject, "Intacct", "Fixtures");

    public static TheoryData<string> Fixtures() => new(FixtureFiles());

    private static IEnumerable<string> FixtureFiles() =>
        Directory.EnumerateFiles(FixtureDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => !f.Contains(".verified.", StringComparison.Ordinal) && !f.Contains(".received.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Fixtures_EveryCataloguedPayload_HasOneFixtureAndOneTableRow()
    {
        var indexes = FixtureFiles().Select(f => int.Parse(f[..2], System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(Enumerable.Range(0, 61), indexes);
        Assert.Equal(Enumerable.Range(0, 61), Table().Select(row => (int)row[0]));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Read_CataloguedPayload_MatchesVerifiedErrorsAndReport(string fixture)
    {
        var path = Path.Combine(FixtureDirectory, fixture);

        var errors = IntacctResponseReader.Read(File.ReadAllText(path), fixture);
        var report = Classifier.Classify(new SyncEvidence { SchemaVersion = 1, ApiErrors = errors });

        var snapshot = new JsonObject
        {
            ["apiErrors"] = JsonNode.Parse(SyncEvidenceJson.Write(new SyncEvidence { SchemaVersion = 1, ApiErrors = errors }))!["apiErrors"]!.DeepClone(),
            ["report"] = JsonNode.Parse(DiagnosisReportJson.Write(report)),
        };
        Snapshot.Verify(snapshot.ToJsonString(SnapshotJson), Path.Combine(FixtureDirectory, Path.GetFileNameWithoutExtension(fixture) + ".verified.json"));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Read_CataloguedPayload_ParsesToAndIsExplainedBy(int payload, int at, string? errorNo, ApiErrorLevel? level, ApiResultStatus? status, string? objectName, string? supportId, string code)
    {
        var fixture = FixtureFiles().Single(f => f.StartsWith(payload.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal));
        var errors = IntacctResponseReader.Read(File.ReadAllText(Path.Combine(FixtureDirectory, fixture)), fixture);
        var error = errors[at];

        Assert.Equal(errorNo, error.ErrorNo);
        Assert.Equal(level, error.Level);
        Assert.Equal(status, error.Status);
        Assert.Equal(objectName, error.Object);
        Assert.Equal(supportId, error.SupportId);
        Assert.Equal(fixture.EndsWith(".json", StringComparison.Ordinal) ? IntacctApi.Rest : IntacctApi.Xml, error.Api);

        var report = Classifier.Classify(new SyncEvidence { SchemaVersion = 1, ApiErrors = errors });
        var unexplained = report.Unexplained.Contains(ReportText(error));
        if (code == Unexplained)
        {
            Assert.True(unexplained, $"{fixture}: expected the error in the report's unexplained list; it has [{string.Join(" | ", report.Unexplained)}].");
        }
        else
        {
            Assert.False(unexplained, $"{fixture}: expected {code} to explain the error, but it is unexplained.");
            Assert.Contains(code, report.Diagnoses.Select(d => d.Code));
        }
    }

    /// <summary>How the report's <c>unexplained</c> list spells an API error (DIAGNOSIS.md).</summary>
    private static string ReportText(ApiError error)
    {
        var body = string.Join(' ', new[] { error.Description, error.Description2, error.Correction }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return string.IsNullOrWhiteSpace(error.ErrorNo) ? body : $"{error.ErrorNo}: {body}";
    }

    /// <summary>
    /// One row per catalogued payload: its index, which parsed error is the payload (fixtures may hold
    /// siblings), what that error parses to, and the code whose diagnosis explains it ("unexplained" while
    /// no rule does: the report lists it in <c>unexplained</c>). A new API-error rule changes a row's last column.
    /// </summary>
    public static TheoryData<int, int, string?, ApiErrorLevel?, ApiResultStatus?, string?, string?, string> Table() => new()
    {
        // payload, at, errorNo, level, status, object, supportId, code
        { 0, 0, "XL03000006", ApiErrorLevel.Authentication, ApiResultStatus.Failure, null, null, "INT122" },
        { 1, 0, "XL03000006", ApiErrorLevel.Control, ApiResultStatus.Failure, null, null, "INT122" },
        { 2, 0, "XL03000006", ApiErrorLevel.Authentication, ApiResultStatus.Failure, null, null, "INT122" },
        { 3, 0, "XL03000006", ApiErrorLevel.Control, ApiResultStatus.Failure, null, null, "INT122" },
        { 4, 0, "XL03000006", ApiErrorLevel.Control, ApiResultStatus.Failure, null, null, Unexplained },
        { 5, 0, "XL03000006", ApiErrorLevel.Result, ApiResultStatus.Failure, null, "Xy3d1EB005~Z9q2P0o8kZ-ab12cdEFgAAAAF", Unexplained },
        { 6, 0, "XL03000006", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 7, 0, "XL03000003", ApiErrorLevel.Control, ApiResultStatus.Failure, null, "Xy3d1EB007~Z9q2P0o8kZ-ab12cdEFgAAAAH", Unexplained },
        { 8, 0, "XL03000009", ApiErrorLevel.Result, ApiResultStatus.Aborted, null, null, Unexplained },
        { 9, 0, "XMLGW_JPP0002", ApiErrorLevel.Control, ApiResultStatus.Failure, null, null, "INT122" },
        { 10, 0, "UJPP0002", ApiErrorLevel.Control, ApiResultStatus.Failure, null, null, "INT122" },
        { 11, 0, "invalidRequest", ApiErrorLevel.Control, ApiResultStatus.Failure, null, null, "INT122" },
        { 12, 0, "GW-0011", ApiErrorLevel.Control, ApiResultStatus.Failure, null, null, "INT122" },
        { 13, 0, "GW-0010", ApiErrorLevel.Control, ApiResultStatus.Failure, null, null, Unexplained }, // a rate limit: back off and retry; not a sign-in refusal
        { 14, 0, "PL04000055", ApiErrorLevel.Control, ApiResultStatus.Failure, null, null, Unexplained },  // the company's state, not the sign-in: the fallback, listed unexplained (issue 16)
        { 15, 0, "PL04000005", ApiErrorLevel.Result, ApiResultStatus.Failure, "ARINVOICE", "Xy3d1EB015~Z9q2P0o8kZ-ab12cdEFgAAAAP", "INT245" }, // a read refused: the sync's module rights (issue 16)
        { 16, 0, "PL04000005", ApiErrorLevel.Result, ApiResultStatus.Failure, "GLDETAIL", "Xy3d1EB016~Z9q2P0o8kZ-ab12cdEFgAAAAQ", "INT043" }, // a create refused: the export's module rights (issue 16)
        { 17, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 18, 0, "Query Failed", ApiErrorLevel.Result, ApiResultStatus.Failure, "BADOBJECT", null, "INT402" },
        { 19, 0, "XXX", ApiErrorLevel.Result, ApiResultStatus.Failure, "VENDOR2", null, "INT402" },
        { 20, 0, "XXX", ApiErrorLevel.Result, ApiResultStatus.Failure, "CLASS1", null, "INT402" },
        { 21, 0, "readMore failed", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 22, 0, "DL02000001", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 23, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, "GLACCOUNTBALANCE", null, Unexplained },
        { 24, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 25, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 26, 0, "SODocumentManager: Could not find field informatio[n ...]", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 27, 0, "BL34000061", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 28, 0, "BL34000061", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 29, 0, "PL05000104", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 30, 1, "BL01001973", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 31, 0, "BL01001973", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 32, 0, "BL01001973", ApiErrorLevel.Result, ApiResultStatus.Failure, null, "nHh88EB032~Y1JFVP0J5xA-qTZWkbX7zwAAAAY", "INT084" },
        { 33, 0, "BL01001973", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 34, 0, "BL03002128", ApiErrorLevel.Result, ApiResultStatus.Failure, null, "BHF%401EB034%7EYhVWlP0o213-8KQW5T4tIQAAAB4", Unexplained },
        { 35, 0, "BL03000025", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 36, 0, "PL01000127", ApiErrorLevel.Result, ApiResultStatus.Aborted, null, null, Unexplained },
        { 37, 0, "BL03000018", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 38, 0, "Cannot update non-existing CLASS with CLASSID=UT99.", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 39, 0, "Get API Session Failed", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, "INT176" },
        { 40, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 41, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 42, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, "INT073" },
        { 43, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, "INT860" },
        { 44, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 45, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, "INT860" },
        { 46, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 47, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, "INT480" },
        { 48, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, "INT035" },
        { 49, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 50, 0, "REST-7001", ApiErrorLevel.Result, ApiResultStatus.Failure, null, "Kxi78%7EZuyXBDEGVHD2UmO1phYXDQAAAAo", Unexplained },
        { 51, 1, "GL-0951", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 52, 2, "GL-1009", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 53, 0, "REST-1028", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 54, 0, "invalidRequest", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 55, 0, "BL01001973", ApiErrorLevel.Result, ApiResultStatus.Failure, null, "Xy3d1EB055~Z9q2P0o8kZ-ab12cdEFgAAAAD", Unexplained },
        { 56, 0, "GW-0011", ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, "INT122" },
        { 57, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, "INT122" },
        { 58, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 59, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
        { 60, 0, null, ApiErrorLevel.Result, ApiResultStatus.Failure, null, null, Unexplained },
    };
}
