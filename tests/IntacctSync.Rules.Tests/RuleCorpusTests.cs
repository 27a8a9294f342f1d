using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Tests.Snapshots;

namespace IntacctSync.Rules.Tests;

/// <summary>
/// The rule corpus: every case file under <c>Cases/CODE/</c> (evidence in) is classified by the built-in
/// catalog and its JSON report compared with <c>CASE.verified.json</c> beside it.
/// </summary>
public class RuleCorpusTests
{
    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new FixedTime());

    public static TheoryData<string> Cases() => new(CaseFiles());

    internal static IEnumerable<string> CaseFiles() =>
        Directory.EnumerateFiles(RepoPaths.Cases, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".verified.json", StringComparison.Ordinal) && !f.EndsWith(".received.json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Cases, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_CaseFile_MatchesVerifiedReport(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Cases, relativePath);
        var evidence = SyncEvidenceJson.Read(File.ReadAllBytes(path), relativePath);

        var report = Classifier.Classify(evidence);

        Snapshot.Verify(DiagnosisReportJson.Write(report), Path.ChangeExtension(path, ".verified.json"));
    }

    [Fact]
    public void Cases_EveryBuiltInCode_HasCases()
    {
        var codes = CaseFiles().Select(file => file.Split('/')[0]).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("INT402", codes);
        Assert.True(CaseFiles().Count(f => f.StartsWith("INT402/", StringComparison.Ordinal)) >= 15, "The INT402 corpus lost case files.");
    }

    /// <summary>A fixed "today" for evidence without <c>observedAt</c>, so reports never depend on the day they run.</summary>
    internal sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    }
}
