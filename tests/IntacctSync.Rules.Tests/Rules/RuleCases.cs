using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>The rule tests' shared access to the case corpus (<see cref="RepoPaths.Cases"/>), classified at the corpus's fixed time.</summary>
internal static class RuleCases
{
    /// <summary>The built-in catalog, with "today" fixed as in <see cref="RuleCorpusTests"/>.</summary>
    public static ISyncErrorClassifier Classifier { get; } = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new RuleCorpusTests.FixedTime());

    /// <summary>Reads <c>Cases/<paramref name="relative"/>.json</c>, e.g. <c>"INT084/cause-tag-value-inactive"</c>.</summary>
    public static SyncEvidence Read(string relative)
    {
        var path = Path.Combine(RepoPaths.Cases, relative + ".json");
        return SyncEvidenceJson.Read(File.ReadAllBytes(path), path);
    }

    public static SyncEvidence Read(string code, string caseName) => Read($"{code}/{caseName}");

    public static DiagnosisReport Classify(string code, string caseName) => Classifier.Classify(Read(code, caseName));

    /// <summary>The document's facts as the rules read them, at the corpus's fixed time (for tests of one derived fact).</summary>
    public static IntacctSync.Rules.Rules.Subjects.EvidenceFacts Facts(System.Text.Json.Nodes.JsonNode document) =>
        new(SyncEvidenceJson.Read(document.ToJsonString()), new RuleCorpusTests.FixedTime());
}
