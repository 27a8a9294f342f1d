using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Classification;

/// <summary>Reports that hold several codes: ranking, one merged plan, several messages.</summary>
public class ReportRankingTests
{
    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new RuleCorpusTests.FixedTime());

    [Fact]
    public void Classify_SeveralMessages_GivesOneDiagnosisPerCodeRankedAndSyncNowOnce()
    {
        var evidence = new SyncEvidence
        {
            Messages =
            [
                "INT402 Sync Error: Sage Intacct couldn’t return values for dimension Fund. This typically occurs when user-defined dimensions aren’t set up correctly or are missing permissions.",
                "INT498 Sync Error: Sage Intacct couldn’t create the liability credit card because journal accounts aren’t configured.",
            ],
        };

        var report = Classifier.Classify(evidence);

        Assert.Equal(["INT498", "INT402"], report.Diagnoses.Select(d => d.Code).OrderByDescending(c => c).ToArray());
        Assert.All(report.Diagnoses, d => Assert.Equal(Certainty.Likely, d.Certainty));
        Assert.Empty(report.Unexplained);
        var syncNow = report.Diagnoses
            .SelectMany((d, i) => d.Steps.Where(s => s.Path.Contains("Sync Now", StringComparison.Ordinal)).Select(s => (Diagnosis: i, Step: s)))
            .ToList();
        var only = Assert.Single(syncNow);
        Assert.Equal(report.Diagnoses.Count - 1, only.Diagnosis);
        Assert.All(report.Diagnoses, d => Assert.Equal(Enumerable.Range(1, d.Steps.Count), d.Steps.Select(s => s.Order)));
    }

    [Fact]
    public void Classify_ConfirmedAndLikely_ConfirmedRanksFirst()
    {
        var evidence = new SyncEvidence
        {
            Operation = SyncOperation.Sync,
            Outcome = SyncOutcome.Failed,
            Messages = ["INT402 Sync Error: Sage Intacct couldn’t return values for dimension Fund."],
            Intacct = new IntacctCompany
            {
                Dimensions = [new IntacctDimension { Id = "REGION", Label = "Region", UserDefined = true, Exists = true, Active = false }],
            },
            Workspace = new Workspace { Coding = new CodingSettings { Dimensions = [new CodingDimension { Id = "REGION", Enabled = true, ImportAs = DimensionImport.Tag }] } },
        };

        var report = Classifier.Classify(evidence);

        Assert.Equal(
            [("INT402", Certainty.Confirmed, "Region"), ("INT402", Certainty.Likely, "Fund")],
            report.Diagnoses.Select(d => (d.Code, d.Certainty, d.Subject["dimension"])));
        Assert.DoesNotContain(report.Diagnoses[0].Steps, s => s.Path.Contains("Sync Now", StringComparison.Ordinal));
        Assert.Contains(report.Diagnoses[1].Steps, s => s.Path.Contains("Sync Now", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_UnrecognizedMessage_IsUnexplainedAndFallsBack()
    {
        var report = Classifier.Classify(new SyncEvidence { Messages = ["Something nobody documented happened."] });

        Assert.Equal(["Something nobody documented happened."], report.Unexplained);
        var fallback = Assert.Single(report.Diagnoses);
        Assert.Equal("UNCLASSIFIED", fallback.Code);
        Assert.Equal(ErrorKind.Sync, fallback.Kind);
        Assert.Equal(Certainty.Possible, fallback.Certainty);
    }
}
