using System.Text.Json.Nodes;
using CsCheck;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Properties;

/// <summary>
/// Invariants of the classifier over generated evidence (issue 7). Inputs are reproducible: see
/// <see cref="PropertyRunner"/> for the seed and iteration variables
/// (<c>INTACCTSYNC_PROPERTY_SEED=123 INTACCTSYNC_PROPERTY_ITERATIONS=20000 dotnet test --filter ClassifierProperties</c>).
/// </summary>
public class ClassifierProperties
{
    private const int CiIterations = 400;

    /// <summary>
    /// The built-in catalog, or only the rule files named by <c>INTACCTSYNC_PROPERTY_RULES</c>
    /// (paths under <c>rules/</c>, comma-separated: <c>sync/INT402.json,fallback/UNCLASSIFIED.json</c>)
    /// to tell which rule breaks a property.
    /// </summary>
    internal static readonly SyncErrorClassifier Classifier = CreateClassifier();

    private static SyncErrorClassifier CreateClassifier()
    {
        var only = Environment.GetEnvironmentVariable("INTACCTSYNC_PROPERTY_RULES");
        if (string.IsNullOrWhiteSpace(only))
        {
            return SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new RuleCorpusTests.FixedTime());
        }

        var dir = Directory.CreateTempSubdirectory("intacctsync-property-rules-").FullName;
        foreach (var file in only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kindDir = Directory.CreateDirectory(Path.Combine(dir, Path.GetDirectoryName(file)!)).FullName;
            File.Copy(Path.Combine(RepoPaths.Root, "rules", file), Path.Combine(kindDir, Path.GetFileName(file)));
        }

        var options = new IntacctSyncRulesOptions { IncludeBuiltInRules = false };
        options.RuleDirectories.Add(dir);
        return SyncErrorClassifier.Create(options, new RuleCorpusTests.FixedTime());
    }

    private static int Iterations => PropertyRunner.Iterations(CiIterations);

    [Fact]
    public void Classify_AnyEvidence_ReturnsTheSameReportTwiceAndAfterAJsonRoundTrip()
    {
        PropertyRunner.ForAll(EvidenceGenerators.Evidence, evidence =>
        {
            var first = DiagnosisReportJson.Write(Classifier.Classify(evidence));
            var second = DiagnosisReportJson.Write(Classifier.Classify(evidence));
            Assert.Equal(first, second);

            var reread = SyncEvidenceJson.Read(SyncEvidenceJson.Write(evidence), "round-trip.json");
            Assert.Equal(first, DiagnosisReportJson.Write(Classifier.Classify(reread)));
        }, Iterations, Print);
    }

    [Fact]
    public void Classify_RecordsReorderedInsideLists_GivesTheSameReport()
    {
        PropertyRunner.ForAll(Gen.Select(EvidenceGenerators.Evidence, Gen.Int), input =>
        {
            var (evidence, seed) = input;
            var expected = DiagnosisReportJson.Write(Classifier.Classify(evidence));

            var reordered = EvidenceGenerators.Reorder(evidence, seed);

            Assert.Equal(expected, DiagnosisReportJson.Write(Classifier.Classify(reordered)));
        }, Iterations, input => $"shuffle seed {input.Item2}\n{Print(input.Item1)}");
    }

    [Fact]
    public void Classify_EveryCitedFact_IsWhatTheEvidenceHolds()
    {
        PropertyRunner.ForAll(EvidenceGenerators.Evidence, evidence =>
        {
            var report = Classifier.Classify(evidence);
            var json = JsonNode.Parse(SyncEvidenceJson.Write(evidence))!;

            var problems = report.Diagnoses
                .SelectMany(d => d.Causes.Concat(d.RuledOut).SelectMany(c => c.Facts.Select(f => (d, Source: c.Id, f)))
                    .Concat(d.Evidence.Select(f => (d, Source: "evidence", f))))
                .Select(x => EvidenceFactChecker.Problem(json, x.f) is { } p ? $"{x.d.Code}/{x.Source}: {p}" : null)
                .OfType<string>()
                .ToList();

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }, Iterations, Print);
    }

    /// <summary>
    /// The contract's accounting: every message and API error is cited in some diagnosis's <c>evidence</c> or listed
    /// in <c>unexplained</c>; a recognized message whose code was not reported never vanishes.
    /// </summary>
    [Fact]
    public void Classify_EveryMessage_IsCitedOrUnexplained()
    {
        PropertyRunner.ForAll(EvidenceGenerators.Evidence, evidence => Assert.Equal([], UnaccountedMessages(evidence)), Iterations, Print);
    }

    [Fact]
    public void Classify_EveryMessageOfEveryCase_IsCitedOrUnexplained()
    {
        var unaccounted = CorpusMutations.Seeds
            .Select(seed => (seed.Name, Evidence: CorpusMutations.Read(seed.Json)))
            .Where(c => c.Evidence is not null)
            .SelectMany(c => UnaccountedMessages(c.Evidence!).Select(m => $"{c.Name}: {m}"))
            .ToList();

        Assert.True(CorpusMutations.Seeds.Count > 100, "the corpus was not found");
        Assert.Equal([], unaccounted);
    }

    private static List<string> UnaccountedMessages(SyncEvidence evidence)
    {
        var report = Classifier.Classify(evidence);
        var cited = report.Diagnoses.SelectMany(d => d.Evidence).ToList();
        var messages = evidence.Messages ?? [];
        var errors = evidence.ApiErrors ?? [];
        return messages
            .Select((text, i) => (text, i))
            .Where(m => !string.IsNullOrWhiteSpace(m.text)
                && !cited.Any(f => f.StartsWith($"messages[{m.i}] = ", StringComparison.Ordinal))
                && !report.Unexplained.Contains(m.text))
            .Select(m => $"messages[{m.i}] is neither cited nor unexplained: {m.text}")
            .Concat(errors
                .Select((error, i) => (error, i))
                .Where(e => !cited.Any(f => f.StartsWith($"apiErrors[#{e.i}]", StringComparison.Ordinal))
                    && !report.Unexplained.Contains(IntacctSync.Rules.Classification.ReportBuilder.Describe(e.error)))
                .Select(e => $"apiErrors[#{e.i}] is neither cited nor unexplained: {IntacctSync.Rules.Classification.ReportBuilder.Describe(e.error)}"))
            .Concat(report.Diagnoses
                .SelectMany(d => d.Evidence.GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{d.Code} cites {g.Key} {g.Count()} times")))
            .ToList();
    }

    [Fact]
    public void Classify_ConfirmedCitesAFact_LikelyCitesItsMessageOrApiError()
    {
        PropertyRunner.ForAll(EvidenceGenerators.Evidence, evidence =>
        {
            foreach (var diagnosis in Classifier.Classify(evidence).Diagnoses)
            {
                var facts = diagnosis.Causes.SelectMany(c => c.Facts).ToList();
                switch (diagnosis.Certainty)
                {
                    case Certainty.Confirmed:
                        Assert.True(facts.Count > 0, $"{diagnosis.Code} {diagnosis.Message}: confirmed, but its causes cite no fact");
                        break;
                    case Certainty.Likely:
                        var cited = facts.Concat(diagnosis.Evidence).ToList();
                        Assert.True(
                            cited.Any(f => f.StartsWith("messages[", StringComparison.Ordinal) || f.StartsWith("apiErrors[", StringComparison.Ordinal)),
                            $"{diagnosis.Code} {diagnosis.Message}: likely, but cites neither a message nor an API error: [{string.Join("; ", cited)}]");
                        break;
                }
            }
        }, Iterations, Print);
    }

    [Fact]
    public void Classify_NoFailureSignalAndHealthyDimensions_GivesNoDiagnosis()
    {
        PropertyRunner.ForAll(EvidenceGenerators.Healthy, evidence =>
        {
            var report = Classifier.Classify(evidence);

            Assert.True(report.Diagnoses.Count == 0, DiagnosisReportJson.Write(report));
        }, Iterations, Print);
    }

    [Fact]
    public void Classify_Plans_AreNumberedWithoutGapsCompleteAndNeverRepeatAStep()
    {
        PropertyRunner.ForAll(EvidenceGenerators.Evidence, evidence =>
        {
            var report = Classifier.Classify(evidence);
            var seen = new HashSet<(StepSystem, string, string)>();
            foreach (var diagnosis in report.Diagnoses)
            {
                Assert.Equal(Enumerable.Range(1, diagnosis.Steps.Count), diagnosis.Steps.Select(s => s.Order));
                foreach (var step in diagnosis.Steps)
                {
                    Assert.True(Enum.IsDefined(step.System), $"step {step.Order} of {diagnosis.Code}: system {step.System}");
                    Assert.False(string.IsNullOrWhiteSpace(step.Path), $"step {step.Order} of {diagnosis.Code} has no path");
                    Assert.False(string.IsNullOrWhiteSpace(step.Action), $"step {step.Order} of {diagnosis.Code} has no action");
                    Assert.True(seen.Add((step.System, step.Path, step.Action)), $"the step '{step.Action}' ({step.Path}) appears twice in one report");
                }
            }
        }, Iterations, Print);
    }

    // Sync Now pulls changes made in Sage Intacct and in the workspace's accounting settings, so every
    // such step comes before it. After it may only come what needs the refreshed connection: work on
    // the report itself (set a tag, re-export) and support.
    [Fact]
    public void Classify_Plans_SyncNowAtMostOnceAndAfterEveryStepItMustPickUp()
    {
        PropertyRunner.ForAll(EvidenceGenerators.Evidence, evidence =>
        {
            var report = Classifier.Classify(evidence);
            var syncNow = 0;
            foreach (var diagnosis in report.Diagnoses)
            {
                var seenSyncNow = false;
                for (var i = 0; i < diagnosis.Steps.Count; i++)
                {
                    var step = diagnosis.Steps[i];
                    if (step.Action.StartsWith("Sync Now", StringComparison.Ordinal) || step.Path.EndsWith("Sync Now", StringComparison.Ordinal))
                    {
                        syncNow++;
                        seenSyncNow = true;
                    }
                    else if (seenSyncNow)
                    {
                        Assert.True(
                            step.System == StepSystem.Other || !NeedsSync(step),
                            $"{diagnosis.Code}: step {i + 1} of {diagnosis.Steps.Count} ({step.System}: {step.Path}) comes after Sync Now but is a change Sync Now must pick up");
                    }
                }
            }

            Assert.True(syncNow <= 1, $"Sync Now appears {syncNow} times in one report");
        }, Iterations, Print);
    }

    private static bool NeedsSync(RemediationStep step) =>
        step.System == StepSystem.SageIntacct
        || step.Path.Contains("Accounting", StringComparison.Ordinal);

    internal static string Print(SyncEvidence evidence) => SyncEvidenceJson.Write(evidence);
}
